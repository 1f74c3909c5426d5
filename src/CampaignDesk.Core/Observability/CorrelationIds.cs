using System.Security.Cryptography;
using System.Text;

namespace CampaignDesk.Core.Observability;

/// <summary>
/// The id that ties an API request to what it causes later (a follow-up's send in the worker, the Graph request). It is a
/// GUID when CampaignDesk makes one; one given by a caller (<c>X-Correlation-Id</c>) is kept when it is short and made of
/// safe characters, so it can go into logs and headers as it is.
/// </summary>
public static class CorrelationIds
{
    public const int MaxLength = 64;

    /// <summary>
    /// The namespace of the name-based (version 5, RFC 9562) GUIDs derived from ids that are not GUIDs:
    /// <c>uuid.uuid5(uuid.UUID('6f1a2b8e-3c4d-5e6f-8a9b-0c1d2e3f4a5b'), id)</c> in Python gives the same one.
    /// </summary>
    public static readonly Guid Namespace = new("6f1a2b8e-3c4d-5e6f-8a9b-0c1d2e3f4a5b");

    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c> or <c>:</c>: nothing that could forge a log line or a header.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>
    /// The id as a GUID, which is what Graph accepts as <c>client-request-id</c>: the id itself when it is one, else a GUID
    /// derived from it (the same id always gives the same GUID, so either can be searched for).
    /// </summary>
    public static Guid ToGuid(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Guid.TryParse(id, out var guid))
        {
            return guid;
        }

        var name = new byte[16 + Encoding.UTF8.GetByteCount(id)];
        Namespace.TryWriteBytes(name, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(id, name.AsSpan(16));
        // SHA-1 is what version 5 is defined with; it names, it protects nothing.
#pragma warning disable CA5350
        var hash = SHA1.HashData(name);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

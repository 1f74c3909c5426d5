using System.Globalization;

namespace CampaignDesk.Core.Mail;

/// <summary>
/// The addresses this code writes: a dot-atom local part and a domain (an accented one goes out as punycode).
/// Quoted local parts and address literals are refused rather than half-supported.
/// </summary>
internal static class MailAddresses
{
    /// <summary>So that <c>&lt;address&gt;,</c> still fits on a folded 78-character header line.</summary>
    public const int MaxLength = 74;

    /// <summary>The address as written in a header, or an <see cref="ArgumentException"/> that names <paramref name="field"/>.</summary>
    public static string Normalise(string? address, string field) =>
        Check(address, out var ascii) is { } problem ? throw new ArgumentException($"{field} {problem}") : ascii;

    /// <returns>Null when <paramref name="address"/> is usable, else why not.</returns>
    public static string? Check(string? address, out string ascii)
    {
        ascii = "";
        if (string.IsNullOrEmpty(address))
        {
            return "is required.";
        }

        if (address.Contains('\r') || address.Contains('\n'))
        {
            return "must not contain CR or LF.";
        }

        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return "must have a single '@' between a local part and a domain.";
        }

        var local = address[..at];
        if (!local.All(IsAtext) || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return "has a local part that is not a plain dot-atom (letters, digits, . ! # $ % & ' * + - / = ? ^ _ ` { | } ~).";
        }

        try
        {
            ascii = $"{local}@{new IdnMapping { UseStd3AsciiRules = true }.GetAscii(address[(at + 1)..])}";
        }
        catch (ArgumentException)
        {
            return "has a domain that is not a valid host name.";
        }

        return ascii.Length > MaxLength ? $"is longer than {MaxLength} characters." : null;
    }

    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c);
}

using System.Security.Cryptography;
using System.Text;
using CampaignDesk.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Mail;

/// <summary>
/// Writes each mail as an <c>.eml</c> file, for development and for a pickup folder. The file name comes from the
/// idempotency key and the file appears atomically (written aside, then moved in without overwriting), so the folder
/// holds exactly one message per key however often or concurrently it is sent, and a crash leaves no half message.
/// The Message-ID is the key's hash at this installation's id, so it is the same on every retry and unique to this
/// installation: another one sending under the same key never writes the same Message-ID.
/// </summary>
public sealed class EmlFolderTransport(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider time, Installation installation)
    : IMailTransport
{
    private const int MaxSafeNameLength = 60;

    private static readonly SemaphoreSlim MoveGate = new(1, 1);

    internal string Folder { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.EmlFolder));

    /// <summary>A message file holds an official's address and the organisation's words: its owner's alone (0600).</summary>
    private static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static void CreateOwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public async Task<SentMail> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.IdempotencyKey, "mail.IdempotencyKey");
        var hash = Hash(mail.IdempotencyKey);
        // 96 bits of the key's hash at the installation's id (32 hex digits): the header stays within 78 characters.
        var messageId = $"<{hash[..24]}@{(await installation.GetIdAsync(cancellationToken)).Replace("-", "", StringComparison.Ordinal)}>";
        var message = MimeMessage.Write(mail, messageId, $"=_{hash[..32]}", time.GetUtcNow());

        var path = Path.Combine(Folder, FileName(mail.IdempotencyKey));
        if (File.Exists(path))
        {
            return new SentMail(messageId, AlreadySent: true);
        }

        CreateOwnerOnlyFolder(Folder);
        var temp = Path.Combine(Folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, OwnerOnly(FileMode.CreateNew)))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(message), cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            // A move without overwrite checks then renames where the file system has no hard links (overlay, some
            // containers): the gate makes check-and-move one step in this process. Across processes, the callers claim
            // their work in the database before sending (reminders, the outbox), so only one of them sends a key.
            await MoveGate.WaitAsync(cancellationToken);
            try
            {
                if (File.Exists(path))
                {
                    return new SentMail(messageId, AlreadySent: true);
                }

                File.Move(temp, path, overwrite: false);
            }
            finally
            {
                MoveGate.Release();
            }

            return new SentMail(messageId, AlreadySent: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            return new SentMail(messageId, AlreadySent: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The key's safe characters for people to read, and a hash of the whole key so distinct keys never share a file.</summary>
    internal static string FileName(string idempotencyKey)
    {
        var safe = new string([.. idempotencyKey.Take(MaxSafeNameLength).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return $"{safe}-{Hash(idempotencyKey)[..16]}.eml";
    }

    private static string Hash(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using MimeKit;

namespace CampaignDesk.TestSupport;

/// <summary>The <c>.eml</c> folder of the mail transport, read back with MimeKit (not with CampaignDesk's own writer).</summary>
public static partial class EmlMailbox
{
    /// <summary>The messages addressed to <paramref name="to"/>, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> To(string folder, string to) => !Directory.Exists(folder)
        ? []
        : Directory.GetFiles(folder, "*.eml").Select(f => (Time: File.GetLastWriteTimeUtc(f), Message: MimeMessage.Load(f)))
            .Where(m => m.Message.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.Time).Select(m => m.Message).ToList();

    /// <summary>The message sent under this idempotency key (<c>invitation-12</c>), waiting up to 30 s for it.</summary>
    public static async Task<MimeMessage> ByKeyAsync(string folder, string key)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            // The transport names each file after its key, then a dash and a hash of the whole key.
            if (Directory.Exists(folder) && Directory.GetFiles(folder, key + "-*.eml") is [var file])
            {
                return MimeMessage.Load(file);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message {key} in {folder}.");
    }

    /// <summary>Waits (up to 30 s) until <paramref name="to"/> has received more than <paramref name="already"/> messages; the newest.</summary>
    public static async Task<MimeMessage> WaitForAsync(string folder, string to, int already = 0)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var messages = To(folder, to);
            if (messages.Count > already)
            {
                return messages[^1];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No new message for {to} in {folder}.");
    }

    /// <summary>The sign-in link a message carries (the sign-in page, its landing, and the secret after <c>#lien=</c>).</summary>
    public static Uri SignInLink(MimeMessage message) =>
        LinkPattern().Match(message.TextBody ?? "") is { Success: true } match
            ? new Uri(match.Value)
            : throw new InvalidOperationException("The message carries no sign-in link:\n" + message.TextBody);

    /// <summary>The secret of the message's sign-in link (<c>cdl_…</c>).</summary>
    public static string SignInSecret(MimeMessage message) => SignInLink(message).Fragment["#lien=".Length..];

    [GeneratedRegex(@"https?://\S+/app/connexion\.html\S*#lien=cdl_[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}

using System.Security.Cryptography;
using System.Text;
using CampaignDesk.Core.SignIn;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.SignIn;

/// <summary>
/// « Recevoir un lien de connexion » at most <see cref="SignInOptions.LinksPerAddress"/> times per address and
/// <see cref="SignInOptions.LinksPerIp"/> per IP address in each window: nobody floods an inbox, and one machine cannot
/// mail the whole coalition. Counted for every address asked, known or not, so being limited says nothing about an
/// address. Kept in this process's memory (addresses as hashes only), like the other rate limits.
/// </summary>
public sealed class LinkRequestThrottle(IOptions<SignInOptions> options, TimeProvider time)
{
    private const int PurgeAbove = 10_000;

    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = [];
    private readonly Lock _gate = new();

    /// <summary>Null when this request may go; else how long until it may.</summary>
    public TimeSpan? TryAcquire(string email, string? ip)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var address = "a:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
        var machine = "ip:" + (ip ?? "unknown");
        lock (_gate)
        {
            if (_windows.Count > PurgeAbove)
            {
                foreach (var key in _windows.Where(w => now - w.Value.Start >= o.LinkRequestWindow).Select(w => w.Key).ToList())
                {
                    _windows.Remove(key);
                }
            }

            var byAddress = Current(address, now, o.LinkRequestWindow);
            var byMachine = Current(machine, now, o.LinkRequestWindow);
            if (byAddress.Count >= o.LinksPerAddress || byMachine.Count >= o.LinksPerIp)
            {
                var full = byAddress.Count >= o.LinksPerAddress ? byAddress : byMachine;
                return full.Start + o.LinkRequestWindow - now;
            }

            _windows[address] = byAddress with { Count = byAddress.Count + 1 };
            _windows[machine] = byMachine with { Count = byMachine.Count + 1 };
            return null;
        }
    }

    private (DateTimeOffset Start, int Count) Current(string key, DateTimeOffset now, TimeSpan window) =>
        _windows.TryGetValue(key, out var w) && now - w.Start < window ? w : (now, 0);
}

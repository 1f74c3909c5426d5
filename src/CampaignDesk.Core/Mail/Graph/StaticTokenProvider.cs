using Microsoft.Kiota.Abstractions.Authentication;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>Hands out one fixed token, and only to the configured Graph host (so it never leaks to a redirect target).</summary>
internal sealed class StaticTokenProvider(string token, string host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");

    public override string ToString() => $"StaticTokenProvider({AllowedHostsValidator.AllowedHosts.FirstOrDefault()})";
}

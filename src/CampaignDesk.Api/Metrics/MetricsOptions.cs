namespace CampaignDesk.Api.Metrics;

public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// A bearer token that may read <c>GET /metrics</c> and nothing else (for Prometheus); empty: only admins may.
    /// Keep it in the environment (<c>Metrics__ScrapeToken</c>), like any secret.
    /// </summary>
    public string? ScrapeToken { get; set; }

    /// <summary>Empty, or long enough not to be guessed.</summary>
    public bool IsValid => string.IsNullOrEmpty(ScrapeToken) || ScrapeToken.Length >= 32;

    public override string ToString() => $"MetricsOptions {{ ScrapeToken = {(string.IsNullOrEmpty(ScrapeToken) ? "none" : "set")} }}";
}

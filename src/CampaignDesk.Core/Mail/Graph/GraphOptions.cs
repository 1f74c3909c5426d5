namespace CampaignDesk.Core.Mail.Graph;

/// <summary>
/// Sending through Microsoft Graph as the organisation's Microsoft 365 mailboxes (application permission Mail.Send).
/// Credentials: a client secret, or a certificate (a .pfx path and its password), or for development and tests a
/// <see cref="StaticToken"/>. The limits default to Exchange Online's per-mailbox ones.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>A fixed bearer token instead of Entra ID credentials: for the Graph stub and local development.</summary>
    public string? StaticToken { get; set; }

    /// <summary>One Graph request (a look-up, a draft, a send).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One <c>SendAsync</c>: every retry, and the wait for a free slot in the mailbox's message window.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>The first back-off; it doubles with jitter on each retry, unless Graph sent a Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A longer Retry-After from Graph is cut to this, and so is the back-off.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The circuit opens when at least this share of at least <see cref="BreakerMinimumThroughput"/> requests failed (5xx, network) within 30 s.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 20;

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public int MessagesPerWindow { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Added to <see cref="Window"/> client-side, for timer slop: see <see cref="MailboxThrottle"/>.</summary>
    public TimeSpan WindowMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    public int RecipientsPerDay { get; set; } = 10_000;

    public int ConcurrentRequests { get; set; } = 4;

    /// <summary>Which credential is configured, never its value.</summary>
    public override string ToString() =>
        $"Graph {BaseUrl} tenant={TenantId ?? "-"} client={ClientId ?? "-"} credential={CredentialKind}";

    internal string CredentialKind =>
        !string.IsNullOrEmpty(StaticToken) ? "static-token"
        : !string.IsNullOrEmpty(CertificatePath) ? "certificate"
        : !string.IsNullOrEmpty(ClientSecret) ? "client-secret"
        : "none";
}

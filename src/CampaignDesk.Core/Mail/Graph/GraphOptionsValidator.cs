using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.Mail.Graph;

/// <summary>Checks <see cref="GraphOptions"/> only when <c>Mail:Transport</c> is <c>graph</c>, naming every problem.</summary>
internal sealed class GraphOptionsValidator(IOptions<MailOptions> mail) : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        if (!string.Equals(mail.Value.Transport, "graph", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            problems.Add("Graph:BaseUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrEmpty(options.StaticToken))
        {
            if (string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId))
            {
                problems.Add("Graph:TenantId and Graph:ClientId are required (or Graph:StaticToken for development).");
            }

            if (string.IsNullOrEmpty(options.ClientSecret) && string.IsNullOrEmpty(options.CertificatePath))
            {
                problems.Add("Graph needs Graph:ClientSecret or Graph:CertificatePath (or Graph:StaticToken for development).");
            }
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.TotalTimeout < options.RequestTimeout)
        {
            problems.Add("Graph:RequestTimeout must be positive and at most Graph:TotalTimeout.");
        }

        if (options.MaxRetryAttempts is < 0 or > 50 || options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            problems.Add("Graph:MaxRetryAttempts must be 0 to 50, and Graph:MaxRetryDelay at least Graph:RetryBaseDelay.");
        }

        if (options.MessagesPerWindow < 1 || options.Window <= TimeSpan.Zero || options.WindowMargin < TimeSpan.Zero
            || options.RecipientsPerDay < 1 || options.ConcurrentRequests < 1)
        {
            problems.Add("Graph:MessagesPerWindow, Window, RecipientsPerDay and ConcurrentRequests must be positive.");
        }

        if (options.BreakerFailureRatio is <= 0 or > 1 || options.BreakerMinimumThroughput < 2 || options.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add("Graph:BreakerFailureRatio must be in (0, 1], BreakerMinimumThroughput at least 2, BreakDuration at least 0.5 s.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using System.Diagnostics.Metrics;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Mail.Graph;

namespace CampaignDesk.Core.Observability;

/// <summary>
/// The "CampaignDesk" meter's counters, created through the host's <see cref="IMeterFactory"/> (so each host, and each
/// test host, has its own). Labels are few and bounded: never an id, an address or a name.
/// </summary>
public sealed class CampaignDeskMetrics
{
    public const string MeterName = "CampaignDesk";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _sendFailures;
    private readonly Counter<long> _importRows;
    private readonly Counter<long> _interactions;

    public CampaignDeskMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("campaigndesk.followups.sent", "{message}",
            "Follow-up e-mails the mail transport accepted, or found already sent after a crash.");
        _sendFailures = meter.CreateCounter<long>("campaigndesk.followups.send_failures", "{attempt}",
            "Failed follow-up send attempts, by reason; outcome says whether the follow-up is retried or failed for good.");
        _importRows = meter.CreateCounter<long>("campaigndesk.import.rows", "{row}",
            "Rows of imported files of officials: accepted, or rejected as unreadable (reported in the run).");
        _interactions = meter.CreateCounter<long>("campaigndesk.interactions.logged", "{interaction}",
            "Interactions logged in the outreach log, by channel and direction.");
    }

    public void FollowUpSent() => _sent.Add(1);

    public void SendFailed(Exception error, bool final) =>
        _sendFailures.Add(1, new("reason", FailureReason(error)), new("outcome", final ? FollowUpStates.Failed : "retried"));

    /// <summary>Rows whose worker died on them until the attempts ran out.</summary>
    public void SendsAbandoned(int count) => _sendFailures.Add(count, new("reason", "abandoned"), new("outcome", FollowUpStates.Failed));

    public void ImportRows(string source, int accepted, int rejected)
    {
        _importRows.Add(accepted, new("source", source), new("result", "accepted"));
        _importRows.Add(rejected, new("source", source), new("result", "rejected"));
    }

    public void InteractionLogged(string channel, string direction) =>
        _interactions.Add(1, new("channel", channel), new("direction", direction));

    /// <summary>A small fixed set of reasons, so that a label never carries an exception's text.</summary>
    public static string FailureReason(Exception error) => error switch
    {
        MailRejectedException => "rejected",
        ArgumentException => "invalid",
        GraphQuotaExceededException => "quota",
        IRetryAfter => "throttled",
        TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException => "timeout",
        HttpRequestException or IOException => "network",
        _ => "error",
    };
}

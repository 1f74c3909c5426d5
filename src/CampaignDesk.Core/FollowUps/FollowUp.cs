using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.FollowUps;

/// <summary>A follow-up e-mail in the outbox, rendered when it was scheduled: what was previewed is what leaves.</summary>
public sealed record FollowUp
{
    public long Id { get; init; }
    public long? CampaignId { get; init; }
    public long OrganisationId { get; init; }
    public long OfficialId { get; init; }
    public long? TemplateId { get; init; }
    public string FromMailbox { get; init; } = "";
    public string ToAddress { get; init; } = "";
    public string ToName { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTime NotBeforeUtc { get; init; }
    public DateTime DueUtc { get; init; }
    public string WindowDate { get; init; } = "";
    public string State { get; init; } = "";
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public string? ProviderMessageId { get; init; }
    public DateTime? SentUtc { get; init; }
    public DateTime? CancelledUtc { get; init; }
    public string? CancelReason { get; init; }
    public string Source { get; init; } = "";
    public long? SourceInteractionId { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedUtc { get; init; }

    /// <summary>The outbound e-mail interaction logged when it left: a follow-up sent is a contact.</summary>
    public long? InteractionId { get; init; }

    /// <summary>The sending organisation's name, which the message's From carries beside its mailbox (read when claimed).</summary>
    internal string? FromName { get; init; }

    /// <summary>The official's département, whose public holidays (Alsace-Moselle's, an overseas département's) the sending window follows.</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>The correlation id of the API request that scheduled it (none for a rule's): the worker logs and sends under it.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The batch it was scheduled in with others (cancelled together), if any.</summary>
    public long? BatchId { get; init; }

    /// <summary>Only in the answer to scheduling it: why it leaves when it does (see <see cref="FollowUpPlanner"/>).</summary>
    public IReadOnlyList<PlanReason>? Plan { get; init; }

    /// <summary>What makes the transport send the message once, whatever happens; never shown.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string IdempotencyKey { get; init; } = "";
}

/// <summary>Schedules a follow-up: a template, or a subject and a body (both may use the placeholders).</summary>
public sealed record FollowUpInput(long? OfficialId, long? OrganisationId, long? CampaignId, long? TemplateId, string? Subject, string? Body,
    DateTimeOffset? NotBefore);

public sealed record FollowUpQuery(string? State, long? OrganisationId, long? CampaignId, long? OfficialId, PageRequest Paging, long? BatchId = null);

/// <summary>
/// Where a follow-up stands in the outbox. Every transition between these is a named operation of <see cref="FollowUpOutbox"/>:
/// scheduled → claimed (a worker's lease) → sent, or back to scheduled (retry, release, replan), or failed (given up);
/// scheduled → cancelled (by hand, its batch, an answer), claimed → cancelled when an answer came during the send.
/// </summary>
public enum FollowUpState
{
    Scheduled,
    Claimed,
    Sent,
    Failed,
    Cancelled,
}

/// <summary>
/// The database's (and the API's) spelling of each <see cref="FollowUpState"/>, and the only place it is spelled: SQL
/// interpolates these constants (<c>state = '{FollowUpStates.Scheduled}'</c>), which is safe because they are constants of
/// this file, never input.
/// </summary>
public static class FollowUpStates
{
    public const string Scheduled = "scheduled";
    public const string Claimed = "claimed";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Every state's spelling, in the enum's order.</summary>
    public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<FollowUpState>().Select(Spelling)];

    public static string Spelling(FollowUpState state) => state switch
    {
        FollowUpState.Scheduled => Scheduled,
        FollowUpState.Claimed => Claimed,
        FollowUpState.Sent => Sent,
        FollowUpState.Failed => Failed,
        FollowUpState.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The state a row's <c>state</c> column spells; null for a spelling no state has.</summary>
    public static FollowUpState? Parse(string? spelling) =>
        Enum.GetValues<FollowUpState>().Select(s => (FollowUpState?)s).FirstOrDefault(s => Spelling(s!.Value) == spelling);
}

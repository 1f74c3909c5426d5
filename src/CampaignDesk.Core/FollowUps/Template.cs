namespace CampaignDesk.Core.FollowUps;

/// <summary>A French e-mail of a campaign, with placeholders (see <see cref="TemplatePlaceholders"/>).</summary>
public sealed record Template : Common.IVersioned
{
    public long Id { get; init; }
    public long CampaignId { get; init; }
    public string Name { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public int Version { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedUtc { get; init; }
    public DateTime UpdatedUtc { get; init; }
}

public sealed record TemplateFields(long? CampaignId, string? Name, string? Subject, string? Body);

/// <summary>A rendered message, as it would leave: from the organisation's mailbox to the official's address.</summary>
public sealed record RenderedMail(string FromMailbox, string ToAddress, string ToName, string Subject, string Body);

public sealed record PreviewInput(long? OfficialId, long? OrganisationId);

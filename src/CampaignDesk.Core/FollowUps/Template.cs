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

/// <summary>
/// A rendered message, as it would leave: from the organisation's mailbox to the official's address, or to their
/// mairie's (<see cref="AddressUse"/> <c>mairie</c>: the body then opens with « À l'attention de Madame la Maire »).
/// </summary>
/// <param name="AddressUse">What the address is for (<c>office</c>, <c>circonscription</c>, <c>mairie</c>), as its contact point says.</param>
public sealed record RenderedMail(string FromMailbox, string ToAddress, string ToName, string Subject, string Body, string? AddressUse = null);

public sealed record PreviewInput(long? OfficialId, long? OrganisationId);

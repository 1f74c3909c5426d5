namespace CampaignDesk.Core.Mail;

/// <summary>A mailbox. The display name may be any text (it is encoded when written); the address must be plain ASCII.</summary>
public sealed record MailAddress(string Address, string? DisplayName = null);

namespace CampaignDesk.Core.Mail;

/// <summary>What the transport did: <paramref name="AlreadySent"/> is true when an earlier send of the same key got there first.</summary>
public sealed record SentMail(string ProviderMessageId, bool AlreadySent);

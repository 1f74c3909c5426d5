namespace CampaignDesk.Core.Mail;

public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>Only <c>eml</c> for now: messages are written as files, for development and for a pickup folder.</summary>
    public string Transport { get; set; } = "eml";

    /// <summary>Where <c>eml</c> writes, relative to the content root unless absolute.</summary>
    public string EmlFolder { get; set; } = "data/mail";

    public string From { get; set; } = "campaigndesk@localhost";

    public string FromName { get; set; } = "CampaignDesk";
}

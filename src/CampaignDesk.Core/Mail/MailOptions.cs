namespace CampaignDesk.Core.Mail;

public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>
    /// <c>eml</c> (default): messages are written as files, for development and for a pickup folder.
    /// <c>graph</c>: sent through Microsoft Graph as the organisation's mailbox (section <c>Graph</c>).
    /// </summary>
    public string Transport { get; set; } = "eml";

    /// <summary>Where <c>eml</c> writes, relative to the content root unless absolute.</summary>
    public string EmlFolder { get; set; } = "data/mail";

    public string From { get; set; } = "campaigndesk@localhost";

    public string FromName { get; set; } = "CampaignDesk";
}

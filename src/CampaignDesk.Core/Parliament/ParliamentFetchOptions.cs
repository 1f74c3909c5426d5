namespace CampaignDesk.Core.Parliament;

/// <summary>
/// Where and how often the publishers' files of questions, amendments and votes are fetched (Import:Parliament, off by
/// default, as the directory's refresh). The Assemblée serves each as a zip of JSON files on data.assemblee-nationale.fr.
/// </summary>
public sealed class ParliamentFetchOptions
{
    public const string SectionName = "Import:Parliament";

    public bool Enabled { get; set; }

    /// <summary>The folder URL the files are served from (a mirror of the publisher's, or 127.0.0.1 in tests).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>File names under <see cref="BaseUrl"/>, imported in this order.</summary>
    public List<string> Files { get; set; } =
    [
        "Questions_gouvernement_XVII.json.zip",
        "Questions_ecrites_XVII.json.zip",
        "Questions_orales_sans_debat_XVII.json.zip",
        "Amendements.json.zip",
        "Scrutins.json.zip",
    ];

    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    public long MaxFileBytes { get; set; } = 1024L * 1024 * 1024;
}

namespace CampaignDesk.Core.Import.Refresh;

/// <summary>Where and how often the official files are fetched again. Off by default.</summary>
public sealed class RefreshOptions
{
    public const string SectionName = "Import:Refresh";

    public bool Enabled { get; set; }

    /// <summary>The folder URL the files are served from (an official mirror, or 127.0.0.1 in tests).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>File names under <see cref="BaseUrl"/>, imported in this order (RNE files before contact files).</summary>
    public List<string> Files { get; set; } =
    [
        "elus-deputes-dep.csv",
        "elus-senateurs-sen.csv",
        "elus-maires-mai.csv",
        "elus-conseillers-departementaux-cd.csv",
        "elus-conseillers-regionaux-cr.csv",
    ];

    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;
}

namespace CampaignDesk.Core.Common;

/// <summary>
/// Where people open CampaignDesk (<c>Web:PublicUrl</c>), for the links the application writes where no request tells it
/// its own address: the mail it sends (a task reminder links to the task).
/// </summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";
    public const string DefaultPublicUrl = "http://localhost:5080";

    /// <summary>An absolute http or https URL, the web pages' scheme, host and any path prefix (<c>https://campagne.example.org</c>).</summary>
    public string PublicUrl { get; set; } = DefaultPublicUrl;

    public bool IsValid => Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    /// <summary>The absolute address of a page of the application: <c>Link("/app/taches.html#tache-42")</c>.</summary>
    public string Link(string pathAndFragment) => $"{PublicUrl.TrimEnd('/')}/{pathAndFragment.TrimStart('/')}";
}

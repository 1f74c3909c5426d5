namespace CampaignDesk.Core.Common;

/// <summary>
/// Where people open CampaignDesk (<c>Web:PublicUrl</c>): the base of the addresses it hands out. The API falls back to
/// what a request tells it (see the Api's <c>PublicUrl</c>); mail written where no request is at hand (a task reminder
/// links to the task) falls back to <see cref="DefaultPublicUrl"/>.
/// </summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";
    public const string DefaultPublicUrl = "http://localhost:5080";

    /// <summary>An absolute http or https URL, the web pages' scheme, host and any path prefix (<c>https://campagne.example.org</c>); null when unset.</summary>
    public string? PublicUrl { get; set; }

    public bool IsValid => string.IsNullOrWhiteSpace(PublicUrl) || (Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && uri.UserInfo.Length == 0);

    /// <summary>The configured address without a trailing slash, or null.</summary>
    public string? Configured => string.IsNullOrWhiteSpace(PublicUrl) ? null : PublicUrl.Trim().TrimEnd('/');

    /// <summary>The absolute address of a page of the application: <c>Link("/app/taches.html#tache-42")</c>.</summary>
    public string Link(string pathAndFragment) => $"{Configured ?? DefaultPublicUrl}/{pathAndFragment.TrimStart('/')}";
}

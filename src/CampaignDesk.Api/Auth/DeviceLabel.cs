namespace CampaignDesk.Api.Auth;

/// <summary>
/// « Chrome sur Android »: enough of the User-Agent for a person to recognise their device in « Mes appareils »; the
/// User-Agent itself is not kept.
/// </summary>
internal static class DeviceLabel
{
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser", "Samsung Internet"), ("FxiOS", "Firefox"), ("Firefox/", "Firefox"),
        ("CriOS", "Chrome"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows"), ("CrOS", "ChromeOS"), ("Macintosh", "Mac"),
        ("Linux", "Linux"),
    ];

    public static string From(string? userAgent)
    {
        var agent = userAgent ?? "";
        var browser = Browsers.FirstOrDefault(b => agent.Contains(b.Marker, StringComparison.Ordinal)).Name ?? "Navigateur";
        var system = Systems.FirstOrDefault(s => agent.Contains(s.Marker, StringComparison.Ordinal)).Name;
        return system is null ? browser : $"{browser} sur {system}";
    }
}

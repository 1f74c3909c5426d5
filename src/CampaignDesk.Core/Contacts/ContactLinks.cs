using System.Globalization;

namespace CampaignDesk.Core.Contacts;

/// <summary>How a stored contact point is shown (French format) and followed (<c>tel:</c>, <c>mailto:</c>, a map).</summary>
public static class ContactLinks
{
    /// <summary>« 04 76 12 34 56 » for a phone, the address on one line, a site without its scheme.</summary>
    public static string Display(string kind, string value) => kind switch
    {
        ContactKinds.Phone => FrenchPhone.Display(value),
        ContactKinds.Postal => string.Join(", ", value.Split('\n')),
        ContactKinds.Web => WithoutScheme(value),
        _ => value,
    };

    /// <summary>
    /// <c>tel:+33…</c>, <c>mailto:…</c>, the site (https:// when the source gave no scheme), or for an address
    /// OpenStreetMap at its coordinates when known, else a search for its street, postal code and town.
    /// </summary>
    public static string? Href(string kind, string value, string? street = null, string? postalCode = null, string? city = null,
        double? latitude = null, double? longitude = null) => kind switch
        {
            ContactKinds.Phone when value.StartsWith('+') => "tel:" + value,
            ContactKinds.Email => "mailto:" + value,
            ContactKinds.Web => value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value,
            ContactKinds.Postal when latitude is { } lat && longitude is { } lon => string.Create(CultureInfo.InvariantCulture,
                $"https://www.openstreetmap.org/?mlat={lat:0.######}&mlon={lon:0.######}#map=18/{lat:0.######}/{lon:0.######}"),
            ContactKinds.Postal => "https://www.openstreetmap.org/search?query="
                + Uri.EscapeDataString(string.Join(", ", new[] { street?.Replace('\n', ' '), $"{postalCode} {city}".Trim() }.Where(p => !string.IsNullOrEmpty(p)))),
            _ => null,
        };

    private static string WithoutScheme(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        return (start < 0 ? url : url[(start + 3)..]).TrimEnd('/');
    }
}

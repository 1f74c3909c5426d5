namespace CampaignDesk.Core.Contacts;

/// <summary>
/// One contact detail as a source publishes it, ready to store: an e-mail, an E.164 phone number, a web address, or a
/// postal address whose <see cref="Value"/> is its formatted text and whose parts sit beside it.
/// </summary>
public sealed record ContactValue(string Kind, string Use, string Value, string? Label = null, string? Street = null, string? PostalCode = null,
    string? City = null, double? Latitude = null, double? Longitude = null)
{
    public const int MaxValueLength = 320;

    public static ContactValue Email(string address, string use) => new(ContactKinds.Email, use, address);

    public static ContactValue Phone(string e164, string use) => new(ContactKinds.Phone, use, e164);

    public static ContactValue Web(string url, string use) => new(ContactKinds.Web, use, url);

    /// <summary>
    /// The address as a letter carries it, in La Poste's order: who or what (« Permanence parlementaire », « Mairie »),
    /// the street lines, then the postal code and the town; null when it has neither street nor town.
    /// </summary>
    public static ContactValue? Postal(string use, string? label, IEnumerable<string?> streetLines, string? postalCode, string? city,
        double? latitude = null, double? longitude = null)
    {
        var street = string.Join('\n', streetLines.Select(Clean).OfType<string>());
        var place = string.Join(' ', new[] { Clean(postalCode), Clean(city) }.OfType<string>());
        if (street.Length == 0 && Clean(city) is null)
        {
            return null;
        }

        var value = string.Join('\n', new[] { Clean(label), street.Length == 0 ? null : street, place.Length == 0 ? null : place }.OfType<string>());
        return new ContactValue(ContactKinds.Postal, use, value, Clean(label), street.Length == 0 ? null : street, Clean(postalCode), Clean(city),
            latitude, longitude);
    }

    // The open data ends some parts with the comma of a one-line layout (« Assemblée nationale, », « Rue de l'Université, »).
    private static string? Clean(string? part)
    {
        var text = string.Join(' ', (part ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(',', ';', ' ');
        return text.Length == 0 ? null : text;
    }
}

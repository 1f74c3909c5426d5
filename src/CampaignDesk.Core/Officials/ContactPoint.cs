using CampaignDesk.Core.Contacts;

namespace CampaignDesk.Core.Officials;

/// <summary>
/// A way to reach an official, with where it comes from: <see cref="Value"/> as stored (E.164 for a phone, the
/// formatted lines of an address), <see cref="Display"/> as French people write it, <see cref="Href"/> to follow it
/// (<c>tel:</c>, <c>mailto:</c>, the site, a map). A mairie's details carry their <see cref="Commune"/>: they are the
/// commune's, shown on its current maire and councillors.
/// </summary>
/// <param name="Kind">email, phone, postal or web (<see cref="ContactKinds"/>).</param>
/// <param name="Use">office, circonscription, mairie or personal (<see cref="ContactUses"/>).</param>
/// <param name="SourceDate">The publication date of the newest file of <see cref="Source"/> that listed it.</param>
public sealed record ContactPoint(
    string Kind,
    string Use,
    string Value,
    string Display,
    string? Href,
    string Source,
    DateOnly? SourceDate,
    DateTime FirstSeenUtc,
    DateTime LastSeenUtc,
    DateTime? RetiredUtc,
    PostalParts? Postal = null,
    ContactCommune? Commune = null);

/// <summary>An address's parts, for maps and sorting; <see cref="ContactPoint.Value"/> is the text to print.</summary>
public sealed record PostalParts(string? Label, string? Street, string? PostalCode, string? City, double? Latitude, double? Longitude);

/// <summary>The commune whose mairie a contact point belongs to.</summary>
public sealed record ContactCommune(string Insee, string Name);

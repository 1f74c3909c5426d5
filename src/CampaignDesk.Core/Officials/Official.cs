namespace CampaignDesk.Core.Officials;

public sealed record OfficialSummary(long Id, string LastName, string FirstName, string? Sex, IReadOnlyList<Mandate> Mandates)
{
    /// <summary>How the official matched the search's text, in French (« nom exact », « préfixe », « 1 faute »…); null without text.</summary>
    public string? MatchReason { get; init; }
}

public sealed record Official(
    long Id,
    string LastName,
    string FirstName,
    string? Sex,
    DateOnly? BirthDate,
    IReadOnlyList<Mandate> Mandates,
    IReadOnlyList<ContactPoint> Contacts,
    IReadOnlyList<OfficialIdentifier> Identifiers);

public sealed record Mandate(
    long Id,
    string Role,
    string? DepartmentCode,
    string? CirconscriptionCode,
    string? CommuneInsee,
    string? CantonCode,
    string? RegionCode,
    string? GroupCode,
    string? GroupLabel,
    string? FunctionLabel,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string Source)
{
    public bool Active => EndDate is null;

    /// <summary>« Députée de la 2e circonscription de l'Isère »: the mandate in French, with place names (see <see cref="MandateNames"/>).</summary>
    public string? Label { get; init; }

    /// <summary>The territory's name: « 2e circonscription de l'Isère », « Saint-Martin-d'Hères », « canton de Fontaine-Seyssinet ».</summary>
    public string? Place { get; init; }
}

public sealed record OfficialIdentifier(string Source, string Value);

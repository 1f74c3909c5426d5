namespace CampaignDesk.Core.Import.Parliament;

/// <summary>
/// One sitting (or former) parliamentarian as a contact source describes them. Codes are INSEE-style: département
/// padded to 2 ("01"), "2A"/"2B", 3 characters overseas ("971"), "ZZ" for Français établis hors de France.
/// </summary>
/// <param name="Line">1-based record number: index in the JSON array + 1, or the physical line of a CSV record.</param>
/// <param name="SourceId">Assemblée and Datan "PA1008"; Sénat matricule "08061X".</param>
/// <param name="LastName">
/// As the source writes it. The Assemblée gives only the full name "Alain David": it is kept whole here and
/// <paramref name="FirstName"/> is empty (splitting it would be a guess; see <c>PersonNames.Splits</c>).
/// </param>
/// <param name="Sex">'M' or 'F' from the civilité ("M.", "Mme", "Mlle") when the source has one.</param>
/// <param name="CirconscriptionNumber">Députés only.</param>
/// <param name="Email">Null for none and for "Non public"; trimmed, domain lower-cased.</param>
/// <param name="Active">Sénat ODSEN État ACTIF/ANCIEN; null when the source has no notion of it.</param>
/// <param name="Url">The member's page on the chamber's site (the Sénat's list), absolute.</param>
public sealed record ParliamentMember(
    int Line,
    ParliamentSource Source,
    string Chamber,
    string SourceId,
    string LastName,
    string FirstName,
    char? Sex,
    DateOnly? BirthDate,
    string? DepartmentCode,
    int? CirconscriptionNumber,
    string? GroupCode,
    string? GroupLabel,
    string? Email,
    bool? Active,
    string? Url = null)
{
    public const string Depute = "depute";
    public const string Senateur = "senateur";

    /// <summary>True when <see cref="LastName"/> holds the full name (the Assemblée file).</summary>
    public bool HasFullNameOnly => FirstName.Length == 0;
}

namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// One mandate row, normalised. Codes are INSEE-style: départements padded to 2 ("01"), "2A"/"2B", 3 characters
/// overseas ("971"), "ZZ" for Français de l'étranger. When the département column is empty, a collectivité à statut
/// particulier gives <see cref="DepartmentCode"/> its own code (975, 986, 987, 988…), with "ZX" (Saint-Martin /
/// Saint-Barthélemy, one circonscription numbered 977xx by the RNE itself) read as "977"; the 2019 letter codes
/// (ZA…ZW) become their INSEE numbers the same way. <see cref="CollectivityCode"/> keeps the file's value unchanged.
/// </summary>
public sealed record RneRecord(
    int Line,
    RneFileType Type,
    string Role,
    string? DepartmentCode,
    string? CollectivityCode,
    int? CirconscriptionNumber,
    string? CommuneInsee,
    string? CantonCode,
    string? RegionCode,
    string? SectionDepartmentCode,
    string LastName,
    string FirstName,
    char? Sex,
    DateOnly? BirthDate,
    DateOnly? MandateStart,
    string? Function,
    DateOnly? FunctionStart,
    string? NuanceCode,
    string? NuanceLabel);

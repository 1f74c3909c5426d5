namespace CampaignDesk.Core.Import.Rne;

/// <summary>The canonical columns of every RNE era; a file's headers are mapped onto these by name.</summary>
internal enum RneField
{
    DepartmentCode,
    CollectivityCode,
    CirconscriptionCode,
    CommuneCode,
    CantonCode,
    RegionCode,
    SectionCode,
    SectorCode,
    LastName,
    FirstName,
    Sex,
    BirthDate,
    MandateStart,
    FunctionLabel,
    FunctionStart,
    NuanceCode,
    NuanceLabel,
}

namespace CampaignDesk.Core.Import.Rne;

/// <summary>The kind of mandate an RNE file lists; one file holds one kind.</summary>
public enum RneFileType
{
    Deputes,
    Senateurs,
    Maires,
    ConseillersDepartementaux,
    ConseillersRegionaux,
    ConseillersMunicipaux,
    ConseillersArrondissement,
    DeputesEuropeens,
}

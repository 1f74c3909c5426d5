namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// The file type from the columns present; only a stream is given, never a file name. Checked in this order:
/// <list type="number">
/// <item>a circonscription législative column → <see cref="RneFileType.Deputes"/> (every era has one);</item>
/// <item>a canton column → <see cref="RneFileType.ConseillersDepartementaux"/>;</item>
/// <item>a région or section départementale column → <see cref="RneFileType.ConseillersRegionaux"/>;</item>
/// <item>a commune column and a secteur/arrondissement column → <see cref="RneFileType.ConseillersArrondissement"/>;</item>
/// <item>a commune column: the maires file has "Date de début de la fonction" but no "Libellé de la fonction"
/// (every row is a maire), so that shape → <see cref="RneFileType.Maires"/>; a commune column with a function
/// label ("Maire", "Premier adjoint", empty…) or with no function column at all →
/// <see cref="RneFileType.ConseillersMunicipaux"/>;</item>
/// <item>a département or collectivité column and nothing finer → <see cref="RneFileType.Senateurs"/>;</item>
/// <item>no geographic column at all (France is one European constituency) → <see cref="RneFileType.DeputesEuropeens"/>.</item>
/// </list>
/// </summary>
internal static class RneTypeRules
{
    public static RneFileType Detect(RneHeader header)
    {
        if (header.Has(RneField.CirconscriptionCode))
        {
            return RneFileType.Deputes;
        }

        if (header.Has(RneField.CantonCode))
        {
            return RneFileType.ConseillersDepartementaux;
        }

        if (header.Has(RneField.RegionCode) || header.Has(RneField.SectionCode))
        {
            return RneFileType.ConseillersRegionaux;
        }

        if (header.Has(RneField.CommuneCode))
        {
            if (header.Has(RneField.SectorCode))
            {
                return RneFileType.ConseillersArrondissement;
            }

            return header.Has(RneField.FunctionStart) && !header.Has(RneField.FunctionLabel)
                ? RneFileType.Maires
                : RneFileType.ConseillersMunicipaux;
        }

        return header.Has(RneField.DepartmentCode) || header.Has(RneField.CollectivityCode)
            ? RneFileType.Senateurs
            : RneFileType.DeputesEuropeens;
    }

    public static string Role(RneFileType type) => type switch
    {
        RneFileType.Deputes => "depute",
        RneFileType.Senateurs => "senateur",
        RneFileType.Maires => "maire",
        RneFileType.ConseillersDepartementaux => "conseiller_departemental",
        RneFileType.ConseillersRegionaux => "conseiller_regional",
        RneFileType.ConseillersMunicipaux => "conseiller_municipal",
        RneFileType.ConseillersArrondissement => "conseiller_arrondissement",
        RneFileType.DeputesEuropeens => "depute_europeen",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

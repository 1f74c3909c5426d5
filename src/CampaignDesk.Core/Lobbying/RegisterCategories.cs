using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Text;

namespace CampaignDesk.Core.Lobbying;

/// <summary>One of the register's categories of public officials ("catégories de responsables publics").</summary>
public sealed record RegisterCategory(string Code, string Label, string Source);

/// <summary>A mandate as the register needs it: the role, the function within the council, the commune, the dates.</summary>
public sealed record RegisterMandate(long OfficialId, string Role, string? FunctionLabel, string? CommuneInsee, string? StartDate, string? EndDate);

/// <summary>
/// Maps a mandate to the categories of public officials of loi n° 2013-907 du 11 octobre 2013, art. 18-2, 1° to 7°, whom
/// a representative of interests must be in communication with for the contact to count (décret n° 2017-867 du 9 mai
/// 2017, art. 1: « entre en communication, à son initiative, au moins dix fois au cours des douze derniers mois avec des
/// personnes désignées aux 1° à 7° » of art. 18-2). An official outside every category does not count.
/// <list type="bullet">
/// <item>1° members of the Government and of ministers' cabinets;</item>
/// <item>2° députés, sénateurs, their collaborators and those of the groups, the assemblies' staff;</item>
/// <item>3° the collaborators of the President of the Republic;</item>
/// <item>4° the heads and college members of independent administrative or public authorities (art. 11 I 6°);</item>
/// <item>5° the posts filled by decision of the Government in the Conseil des ministres (art. 11 I 7°): préfets, directeurs
/// généraux d'agence régionale de santé…;</item>
/// <item>6° local executives (art. 11 I 2°, 3° and 8°): since 1 July 2022 (loi n° 2016-1691, art. 25 IV, whose successive
/// postponements ended then), and since loi n° 2022-217 du 21 février 2022 (« 3DS ») only in régions, départements, and
/// communes and EPCI of more than 100 000 inhabitants: présidents, vice-présidents (and conseillers with a delegation), maires
/// and adjoints. A maire of a smaller commune, or a councillor without an executive function, is not covered.</item>
/// </list>
/// The directory holds elected officials only (<see cref="Roles"/>); the other categories' role keys are recognised here so
/// that an official entered with one counts.
/// </summary>
public static class RegisterCategories
{
    public static readonly RegisterCategory Government = new("government",
        "Membre du Gouvernement ou membre de cabinet ministériel", "loi 2013-907, art. 18-2, 1°");

    public static readonly RegisterCategory Parliament = new("parliament",
        "Député, sénateur, collaborateur parlementaire ou agent des services des assemblées", "loi 2013-907, art. 18-2, 2°");

    public static readonly RegisterCategory Presidency = new("presidency",
        "Collaborateur du Président de la République", "loi 2013-907, art. 18-2, 3°");

    public static readonly RegisterCategory IndependentAuthority = new("independent_authority",
        "Dirigeant ou membre du collège d'une autorité administrative ou publique indépendante", "loi 2013-907, art. 18-2, 4°");

    public static readonly RegisterCategory CouncilOfMinisters = new("council_of_ministers",
        "Titulaire d'un emploi pourvu en Conseil des ministres (préfet, directeur général d'ARS…)", "loi 2013-907, art. 18-2, 5°");

    public static readonly RegisterCategory LocalExecutive = new("local_executive",
        "Responsable public local (exécutif d'une région, d'un département, d'une commune ou d'un EPCI de plus de 100 000 habitants)",
        "loi 2013-907, art. 18-2, 6°, depuis le 1er juillet 2022");

    public static readonly IReadOnlyList<RegisterCategory> All =
        [Government, Parliament, Presidency, IndependentAuthority, CouncilOfMinisters, LocalExecutive];

    /// <summary>Local executives count for contacts from this day on (loi 2016-1691, art. 25 IV).</summary>
    public static readonly DateOnly LocalExecutivesFrom = new(2022, 7, 1);

    /// <summary>Role keys of officials the directory does not import, recognised when an official carries one.</summary>
    public static readonly IReadOnlyDictionary<string, RegisterCategory> OtherRoles = new Dictionary<string, RegisterCategory>(StringComparer.Ordinal)
    {
        ["membre_gouvernement"] = Government,
        ["membre_cabinet"] = Government,
        ["collaborateur_parlementaire"] = Parliament,
        ["collaborateur_president"] = Presidency,
        ["autorite_independante"] = IndependentAuthority,
        ["prefet"] = CouncilOfMinisters,
        ["directeur_ars"] = CouncilOfMinisters,
    };

    /// <summary>The category of a mandate on the day of the contact, or null with why not (French).</summary>
    public static (RegisterCategory? Category, string Why) Of(RegisterMandate mandate, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(mandate);
        if (OtherRoles.TryGetValue(mandate.Role, out var other))
        {
            return (other, other.Label);
        }

        var title = RoleTitles.Collective(mandate.Role);
        var function = SearchText.Fold(mandate.FunctionLabel ?? "");
        var executive = function.Contains("president", StringComparison.Ordinal) || function.Contains("delegue", StringComparison.Ordinal);
        var adjoint = function.Contains("adjoint", StringComparison.Ordinal);
        (RegisterCategory? category, string why) local = mandate.Role switch
        {
            Roles.Depute or Roles.Senateur => (Parliament, title),
            Roles.Maire when LargeCommunes.Contains(mandate.CommuneInsee) => (LocalExecutive, $"{title} d'une commune de plus de 100 000 habitants"),
            Roles.Maire => (null, $"{title} d'une commune de 100 000 habitants ou moins"),
            Roles.ConseillerMunicipal when adjoint && LargeCommunes.Contains(mandate.CommuneInsee) =>
                (LocalExecutive, "Adjoint·e au maire d'une commune de plus de 100 000 habitants"),
            Roles.ConseillerDepartemental or Roles.ConseillerRegional when executive => (LocalExecutive, mandate.FunctionLabel!.Trim()),
            Roles.ConseillerDepartemental or Roles.ConseillerRegional => (null, $"{title} sans fonction exécutive"),
            Roles.DeputeEuropeen => (null, $"{title} (le Parlement européen n'est pas visé par l'article 18-2)"),
            _ => (null, $"{title} sans fonction exécutive dans une commune de plus de 100 000 habitants"),
        };
        return local.category == LocalExecutive && on < LocalExecutivesFrom
            ? (null, $"{local.why} : les responsables publics locaux ne sont visés que depuis le 1er juillet 2022")
            : local;
    }

    /// <summary>
    /// The category of an official on a day: the first covered mandate in force that day (in the order of <see cref="All"/>),
    /// else null with the reason of the first mandate in force (or that none is).
    /// </summary>
    public static (RegisterCategory? Category, string Why) OfOfficial(IEnumerable<RegisterMandate> mandates, DateOnly on)
    {
        var results = mandates.Where(m => InForce(m, on)).Select(m => Of(m, on)).ToList();
        var covered = results.Where(r => r.Category is not null).OrderBy(r => All.ToList().IndexOf(r.Category!)).FirstOrDefault();
        return covered.Category is not null ? covered
            : results.Count > 0 ? results[0]
            : (null, "aucun mandat en cours à cette date");
    }

    private static bool InForce(RegisterMandate m, DateOnly on)
    {
        var iso = Common.IsoDate.Format(on)!;
        return (m.StartDate is null || string.CompareOrdinal(m.StartDate, iso) <= 0) && (m.EndDate is null || string.CompareOrdinal(m.EndDate, iso) >= 0);
    }
}

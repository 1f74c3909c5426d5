using CampaignDesk.Core.Common;

namespace CampaignDesk.Core.Officials;

/// <summary>A mandate as read from SQL, with the official it belongs to (names only where the query selects them).</summary>
internal sealed class MandateRow
{
    public long OfficialId { get; init; }
    public string LastName { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string? Sex { get; init; }
    public long Id { get; init; }
    public string Role { get; init; } = "";
    public string? DepartmentCode { get; init; }
    public string? CirconscriptionCode { get; init; }
    public string? CommuneInsee { get; init; }
    public string? CantonCode { get; init; }
    public string? RegionCode { get; init; }
    public string? GroupCode { get; init; }
    public string? GroupLabel { get; init; }
    public string? FunctionLabel { get; init; }
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public string Source { get; init; } = "";
    public string? CommuneName { get; init; }
    public string? CantonName { get; init; }

    /// <summary>The columns that name a mandate's commune and canton, from <see cref="NameJoins"/>.</summary>
    public const string NameColumns = "mc.name AS commune_name, mk.name AS canton_name";

    public const string NameJoins = "LEFT JOIN communes mc ON mc.insee = m.commune_insee LEFT JOIN cantons mk ON mk.code = m.canton_code";

    public Mandate ToMandate()
    {
        var (label, place) = MandateNames.Of(Role, Sex, DepartmentCode, CirconscriptionCode, CommuneName, CantonName, RegionCode);
        var mandate = new Mandate(Id, Role, DepartmentCode, CirconscriptionCode, CommuneInsee, CantonCode, RegionCode, GroupCode,
            GroupLabel, FunctionLabel, IsoDate.Parse(StartDate), IsoDate.Parse(EndDate), Source);
        return mandate with { Label = label, Place = place };
    }
}

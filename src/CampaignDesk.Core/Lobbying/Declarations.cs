using CampaignDesk.Core.Common;
using CampaignDesk.Core.Exports;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Lobbying;

/// <summary>One public decision targeted (a campaign) and what was done about it during the fiscal year.</summary>
public sealed record DeclarationLine(long? CampaignId, string PublicDecision, string? Goal, IReadOnlyList<string> ActionTypes,
    IReadOnlyList<string> Categories, int Actions);

/// <summary>
/// The content of the annual declaration of décret n° 2017-867, art. 3, for one organisation and one fiscal year, as far as
/// the outreach log knows it: the public decisions targeted, the types of actions, the categories of public officials, the
/// number of actions. <see cref="ToFill"/> names what only the organisation knows (expenditure bracket, staff…).
/// </summary>
public sealed record Declaration(long OrganisationId, string OrganisationName, int FiscalYear, DateOnly From, DateOnly To,
    IReadOnlyList<DeclarationLine> Lines, int TotalActions, IReadOnlyList<string> ActionTypes, IReadOnlyList<string> Categories,
    IReadOnlyList<string> ToFill);

/// <summary>Builds the annual declaration from the counted actions (<see cref="CountingRule"/>), and writes it as a table.</summary>
public sealed class Declarations(RegisterQueries queries)
{
    public const string NoCampaign = "Sans campagne : décision publique visée à préciser";

    /// <summary>What the declaration asks that CampaignDesk cannot know: to be filled by the organisation.</summary>
    public static readonly IReadOnlyList<string> ToFillFields =
    [
        "Type de décisions publiques visées (législative, réglementaire, autre)",
        "Questions sur lesquelles ont porté les actions (objet et domaines d'intervention)",
        "Tiers pour le compte desquels les actions ont été menées, le cas échéant",
        "Montant des dépenses liées aux actions de représentation d'intérêts (tranche)",
        "Nombre de personnes employées dans l'accomplissement de ces actions",
        "Chiffre d'affaires de l'exercice (tranche), le cas échéant",
    ];

    /// <summary>The fiscal year <paramref name="year"/> starting on the first of <paramref name="firstMonth"/>.</summary>
    public async Task<Outcome<Declaration>> BuildAsync(Caller caller, long organisationId, int year, int firstMonth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new Errors();
        if (year is < 2017 or > 2100)
        {
            errors.Add("year", Messages.RegisterYearInvalid.With());
        }

        if (firstMonth is < 1 or > 12)
        {
            errors.Add("firstMonth", Messages.RegisterMonthInvalid.With());
        }

        if (errors.Any)
        {
            return Outcome<Declaration>.Invalid(errors);
        }

        if (!caller.ActsFor(organisationId) || await queries.OrganisationAsync(organisationId, cancellationToken) is not { } organisation)
        {
            return Outcome<Declaration>.NotFound();
        }

        var from = new DateOnly(year, firstMonth, 1);
        var to = from.AddYears(1).AddDays(-1);
        var verdicts = await queries.ExplainAsync([organisationId], RegisterService.StartUtc(from), RegisterService.StartUtc(to.AddDays(1)), cancellationToken);
        var counted = verdicts.Where(v => v.Counts).ToList();
        var lines = counted.GroupBy(v => v.Row.CampaignId)
            .Select(g => new DeclarationLine(g.Key, g.First().Row.CampaignName ?? NoCampaign, null, TypesOf(g), CategoriesOf(g), g.Count()))
            .OrderBy(l => l.CampaignId is null).ThenBy(l => l.PublicDecision, StringComparer.Ordinal).ToList();
        var goals = await queries.CampaignGoalsAsync([.. lines.Select(l => l.CampaignId).OfType<long>()], cancellationToken);
        lines = [.. lines.Select(l => l with { Goal = l.CampaignId is { } id ? goals.GetValueOrDefault(id) : null })];
        return Outcome<Declaration>.Ok(new Declaration(organisationId, organisation.Name, year, from, to, lines, counted.Count, TypesOf(counted),
            CategoriesOf(counted), ToFillFields));
    }

    private static List<string> TypesOf(IEnumerable<RegisterVerdict> verdicts) =>
        [.. CountingRule.ActionLabels.Where(l => verdicts.Any(v => v.ActionType == l.Key)).Select(l => l.Value)];

    private static List<string> CategoriesOf(IEnumerable<RegisterVerdict> verdicts) =>
        [.. RegisterCategories.All.Where(c => verdicts.Any(v => v.Category == c)).Select(c => c.Label)];

    public static readonly IReadOnlyList<string> Headers =
        ["Rubrique", "Décision publique visée (campagne)", "Objectif", "Types d'actions", "Catégories de responsables publics", "Nombre d'actions"];

    /// <summary>The declaration as one table (CSV or XLSX): a line per decision, the total, then the fields to fill.</summary>
    public static ExportTable ToTable(Declaration d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var rows = new List<IReadOnlyList<object?>>();
        rows.AddRange(d.Lines.Select(l => (IReadOnlyList<object?>)
            ["Action", l.PublicDecision, l.Goal, string.Join(" ; ", l.ActionTypes), string.Join(" ; ", l.Categories), l.Actions]));
        rows.Add(["Total", $"Exercice du {FrenchDates.LongForm(d.From)} au {FrenchDates.LongForm(d.To)}", null,
            string.Join(" ; ", d.ActionTypes), string.Join(" ; ", d.Categories), d.TotalActions]);
        rows.AddRange(d.ToFill.Select(f => (IReadOnlyList<object?>)["À remplir par l'organisation", f, null, null, null, null]));
        return new ExportTable($"Déclaration {d.FiscalYear}", Headers, rows);
    }
}

using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import.Identity;
using CampaignDesk.Core.Import.Parliament;
using CampaignDesk.Core.Officials;

namespace CampaignDesk.Core.Parliament;

/// <summary>
/// Who asked a Sénat question, by the directory: the export's <c>Matricule</c> when it has one, else the sitting senator of
/// that name and département (its circonscription), whose matricule the directory holds (<c>official_identifiers</c>,
/// source <c>senat</c>, from the Sénat's own lists). Two senators who fit, or none, or one without a matricule: nobody is
/// chosen, the run's report says why, and the question proposes nothing.
/// </summary>
internal sealed class SenatAuthors
{
    private readonly IdentityMatcher<Seat> _matcher;

    private SenatAuthors(IReadOnlyList<Seat> seats) =>
        _matcher = new IdentityMatcher<Seat>(seats, s => new PersonIdentity(s.LastName, s.FirstName, s.DepartmentCode, null, ParliamentMember.Senateur));

    public static async Task<SenatAuthors> LoadAsync(DbSession session) => new([.. await session.QueryAsync<Seat>("""
        SELECT o.last_name, o.first_name, m.department_code, i.value AS matricule
        FROM mandates m JOIN officials o ON o.id = m.official_id
             LEFT JOIN official_identifiers i ON i.official_id = o.id AND i.source = 'senat'
        WHERE m.role = @role AND m.end_date IS NULL
        """, new { role = Roles.Senateur })]);

    /// <summary>The author's matricule, or why there is none.</summary>
    public (string? Matricule, string? Problem) Resolve(SenatQuestion question)
    {
        if (question.Matricule is not null)
        {
            return (question.Matricule, null);
        }

        if (question.LastName is null)
        {
            return (null, $"{question.Uid} : pas d'auteur (Nom)");
        }

        var department = DepartmentCodes.FromName(question.Circonscription) ?? question.Circonscription;
        var match = _matcher.Match(new PersonIdentity(question.LastName, question.FirstName ?? "", department, null, ParliamentMember.Senateur));
        return match.Outcome switch
        {
            IdentityMatchOutcome.Matched when match.Person!.Matricule is not null => (match.Person.Matricule, null),
            IdentityMatchOutcome.Matched => (null, $"{question.Uid} : {question.Author} n'a pas de matricule du Sénat dans l'annuaire (aucune position proposée)"),
            IdentityMatchOutcome.Ambiguous => (null, $"{question.Uid} : auteur ambigu, {match.Reason} (aucune position proposée)"),
            _ => (null, $"{question.Uid} : auteur absent de l'annuaire, {match.Reason} (aucune position proposée)"),
        };
    }

    private sealed class Seat
    {
        public string LastName { get; init; } = "";
        public string FirstName { get; init; } = "";
        public string? DepartmentCode { get; init; }
        public string? Matricule { get; init; }
    }
}

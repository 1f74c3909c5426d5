using CampaignDesk.Core.Import.Parliament;

namespace CampaignDesk.Core.Import.Identity;

/// <summary>
/// Matches parliament members to known people (RNE rows): same chamber, same département, same circonscription for
/// députés (when both sides know it), and a common name key (<see cref="PersonNames"/>). Strict keys are tried
/// first; loose keys (one part of a compound surname, no particle, first given name) only when no strict key
/// matched. Several candidates at the same level give <see cref="IdentityMatchOutcome.Ambiguous"/>: never a guess.
/// </summary>
public sealed class IdentityMatcher<TPerson>
    where TPerson : notnull
{
    private readonly Dictionary<(string Chamber, string Department), List<Candidate>> _byPlace = [];

    public IdentityMatcher(IEnumerable<TPerson> people, Func<TPerson, PersonIdentity> identify)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(identify);
        foreach (var person in people)
        {
            var identity = identify(person);
            var department = DepartmentCodes.Normalize(identity.DepartmentCode);
            if (department is null)
            {
                continue;
            }

            var place = (Chamber(identity.Chamber), department);
            if (!_byPlace.TryGetValue(place, out var list))
            {
                _byPlace[place] = list = [];
            }

            list.Add(new Candidate(person, identity, NameKeys.Of(identity)));
        }
    }

    public IdentityMatch<TPerson> Match(ParliamentMember member) => Match(PersonIdentity.From(member));

    public IdentityMatch<TPerson> Match(PersonIdentity query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var chamber = Chamber(query.Chamber);
        var department = DepartmentCodes.Normalize(query.DepartmentCode);
        var place = Describe(chamber, department, query.CirconscriptionNumber);
        if (department is null)
        {
            return Result(IdentityMatchOutcome.Unmatched, [], $"{query} : pas de département, aucun rapprochement n'est tenté");
        }

        var scope = (_byPlace.GetValueOrDefault((chamber, department)) ?? [])
            .Where(c => chamber != ParliamentMember.Depute || query.CirconscriptionNumber is null
                || c.Identity.CirconscriptionNumber is null || c.Identity.CirconscriptionNumber == query.CirconscriptionNumber)
            .ToList();
        if (scope.Count == 0)
        {
            return Result(IdentityMatchOutcome.Unmatched, [], $"{query} : personne de connu {place}");
        }

        var keys = NameKeys.Of(query);
        var strict = scope.Where(c => c.Keys.Strict.Overlaps(keys.Strict)).ToList();
        if (strict.Count > 0)
        {
            return Decide(query, strict, place, "même nom");
        }

        var loose = scope.Where(c => c.Keys.All.Overlaps(keys.All)).ToList();
        if (loose.Count > 0)
        {
            return Decide(query, loose, place, "variante du nom (partie d'un nom composé, particule ou premier prénom)");
        }

        return Result(
            IdentityMatchOutcome.Unmatched,
            [],
            $"{query} : aucun élu de ce nom {place} (il y a : {string.Join(", ", scope.Select(c => c.Identity))})");
    }

    /// <summary>
    /// Matches every record, then refuses any person claimed by more than one record: each of those records becomes
    /// <see cref="IdentityMatchOutcome.Ambiguous"/>, so nobody is ever given two contacts by mistake.
    /// </summary>
    public IReadOnlyList<IdentityMatch<TPerson>> MatchAll(IEnumerable<PersonIdentity> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var input = queries.ToList();
        var results = input.Select(Match).ToList();
        var claimed = results.Select((result, index) => (result, index))
            .Where(pair => pair.result.Outcome == IdentityMatchOutcome.Matched)
            .GroupBy(pair => pair.result.Person!)
            .Where(group => group.Count() > 1);
        foreach (var group in claimed)
        {
            var claimants = string.Join(", ", group.Select(pair => input[pair.index]));
            foreach (var (result, index) in group)
            {
                results[index] = result with
                {
                    Outcome = IdentityMatchOutcome.Ambiguous,
                    Person = default,
                    Reason = $"{input[index]} : la même personne est aussi désignée par une autre ligne ({claimants})",
                };
            }
        }

        return results;
    }

    public IReadOnlyList<IdentityMatch<TPerson>> MatchAll(IEnumerable<ParliamentMember> members) =>
        MatchAll(members.Select(PersonIdentity.From));

    private static IdentityMatch<TPerson> Decide(PersonIdentity query, List<Candidate> found, string place, string how)
    {
        var people = found.Select(c => c.Person).ToList();
        return found.Count == 1
            ? new IdentityMatch<TPerson>(IdentityMatchOutcome.Matched, people[0], people, $"{query} : {how} {place} ({found[0].Identity})")
            : Result(
                IdentityMatchOutcome.Ambiguous,
                people,
                $"{query} : {found.Count} candidats par {how} {place} ({string.Join(", ", found.Select(c => c.Identity))}) ; aucun n'est choisi");
    }

    private static IdentityMatch<TPerson> Result(IdentityMatchOutcome outcome, IReadOnlyList<TPerson> candidates, string reason) =>
        new(outcome, default, candidates, reason);

    private static string Chamber(string chamber) => PersonNames.Fold(chamber);

    private static string Describe(string chamber, string? department, int? circonscription) =>
        circonscription is null
            ? $"parmi les {(chamber == ParliamentMember.Depute ? "députés" : "sénateurs")} du département {department ?? "?"}"
            : $"dans la circonscription {department ?? "?"}-{circonscription}";

    private sealed record Candidate(TPerson Person, PersonIdentity Identity, NameKeys Keys);
}

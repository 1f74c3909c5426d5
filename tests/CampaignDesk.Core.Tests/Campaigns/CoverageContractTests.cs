using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Organisations;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Core.Tests.Campaigns;

/// <summary>
/// Coverage and gaps on a generated directory, checked against an independent count: plain SQL that hard-codes the
/// same targeting rule, and C# for the aggregation. On every engine.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class CoverageContractTests(DatabaseProvider provider)
{
    private static readonly Caller System = Caller.System("test");
    private static readonly string[] Outcomes = [.. InteractionLists.Outcomes];
    private static readonly string[] Stances = [.. PositionLists.Stances];

    private TestDatabase _db = null!;
    private CoverageService _coverage = null!;
    private long _campaign;
    private long _other;
    private readonly List<long> _logged = [];
    private readonly List<long> _officials = [];
    private long _grenoble;
    private InteractionService _interactions = null!;

    [OneTimeSetUp]
    public async Task Generate()
    {
        TestDatabase.RequireConfigured(provider);
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        var time = TestClock.Create();
        var database = _db.Database;
        var services = new CoreServices(database, time);
        var organisations = services.Organisations;
        var grenoble = (await organisations.InsertAsync(new OrganisationFields("structure", "msp", "Pôle santé", "38421", "Saint-Martin-d'Hères", "38", "84"), default))!.Value;
        var paris = (await organisations.InsertAsync(new OrganisationFields("structure", "msp", "MSP Belleville", "75056", "Paris", "75", "11"), default))!.Value;
        var marseille = (await organisations.InsertAsync(new OrganisationFields("structure", "msp", "Centre Marseille", "13055", "Marseille", "13", "93"), default))!.Value;
        var campaigns = services.Campaigns;
        _campaign = (await campaigns.CreateAsync(System, new CampaignFields("SEC-Pa", null, new DateOnly(2026, 4, 30), null, [grenoble, paris]), default)).Value!.Id;
        var other = (await campaigns.CreateAsync(System, new CampaignFields("Autre", null, null, null, [grenoble, paris, marseille]), default)).Value!.Id;
        (_other, _grenoble) = (other, grenoble);

        var random = new Random(20260203);
        var officials = new List<long>();
        await using (var connection = await database.OpenAsync(default))
        {
            var now = time.GetUtcNow().UtcDateTime;
            string[] departments = ["38", "75", "13"];
            string[] communes = ["38421", "75056", "13055", "38185"];
            string?[] groups = ["Écologiste et social", "Ensemble pour la République", "Rassemblement national", null];
            for (var i = 0; i < 120; i++)
            {
                var id = await connection.ExecuteScalarAsync<long>(database.Dialect.InsertReturningId("officials",
                    "last_name, first_name, search_text, created_utc, updated_utc", "@last, 'Élu', @last, @now, @now"), new { last = $"NOM{i:D3}", now });
                officials.Add(id);
                var role = (i % 5) switch { 0 or 1 => "depute", 2 => "senateur", 3 => "maire", _ => "conseiller_municipal" };
                var department = departments[random.Next(departments.Length)];
                var commune = role is "maire" or "conseiller_municipal" ? communes[random.Next(communes.Length)] : null;
                department = commune?[..2] ?? department;
                var ended = random.Next(10) == 0 ? "2025-06-30" : null;
                await connection.ExecuteAsync("""
                    INSERT INTO mandates (official_id, role, seat_key, department_code, commune_insee, group_label, start_date, end_date, source)
                    VALUES (@id, @role, @seat, @department, @commune, @group, '2024-07-08', @ended, 'rne')
                    """, new { id, role, seat = $"{role}:{i}", department, commune, group = groups[random.Next(groups.Length)], ended });
            }
        }

        var interactions = services.Interactions;
        foreach (var _ in Enumerable.Range(0, 300))
        {
            var organisation = random.Next(2) == 0 ? grenoble : paris;
            var campaign = random.Next(5) == 0 ? other : _campaign;
            var logged = await interactions.LogAsync(System, new InteractionInput(organisation, officials[random.Next(officials.Count)], campaign, "phone",
                random.Next(6) == 0 ? "inbound" : "outbound", time.GetUtcNow().AddDays(-random.Next(60)), Outcomes[random.Next(Outcomes.Length)], null,
                random.Next(3) == 0), default);
            Assert.That(logged.IsOk, Is.True, string.Join(", ", logged.Errors?.Keys ?? []));
            _logged.Add(logged.Value!.Id);
        }

        var positions = services.Positions;
        foreach (var _ in Enumerable.Range(0, 80))
        {
            var recorded = await positions.RecordAsync(System, new PositionInput(officials[random.Next(officials.Count)], random.Next(5) == 0 ? other : _campaign,
                "reply", new DateOnly(2026, 2, 1).AddDays(random.Next(20)), Stances[random.Next(Stances.Length)], "Réponse", null, null, null), default);
            Assert.That(recorded.IsOk, Is.True);
        }

        _coverage = services.Coverage;
        _interactions = interactions;
        _officials.AddRange(officials);
    }

    [OneTimeTearDown]
    public async Task Drop()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Test]
    public async Task CoverageByDepartment_MatchesAnIndependentCount()
    {
        var expected = await IndependentCountAsync();

        var coverage = (await _coverage.CoverageAsync(_campaign, "department", default))!;

        var actual = coverage.Buckets.ToDictionary(b => b.Key, b => (b.Targets, b.Contacted, b.Reached, b.Responded, b.Supports, b.Neutral, b.Opposes, b.Unknown));
        Assert.That(expected.Values.Sum(v => v.Reached), Is.GreaterThan(0), "the data set reaches someone");
        Assert.That(expected.Values.Sum(v => v.Supports), Is.GreaterThan(0), "and records stances");
        Assert.That(actual, Is.EquivalentTo(expected));
        Assert.That(coverage.Total.Targets, Is.EqualTo(expected.Values.Sum(v => v.Targets)));
    }

    [Test]
    public async Task CoverageByOrganisation_MatchesAnIndependentCount()
    {
        var expected = await IndependentOrganisationCountAsync();

        var coverage = (await _coverage.CoverageAsync(_campaign, "organisation", default))!;

        Assert.That(coverage.Buckets.ToDictionary(b => b.Label, b => (b.Targets, b.Contacted, b.Reached, b.Unknown)), Is.EquivalentTo(expected));
        Assert.That(expected.Values.Sum(v => v.Contacted), Is.GreaterThan(0));
    }

    /// <summary>
    /// The summary coverage reads is recomputed at each write: corrections that lower a flag (a reply that was a
    /// message left), move an interaction to another campaign, or race on one official leave it equal to the log.
    /// </summary>
    [Test]
    public async Task Corrections_AndConcurrentWrites_KeepCoverageInStepWithTheLog()
    {
        var admin = Caller.System("correcteur");
        foreach (var id in _logged.Take(40))
        {
            var current = (await _interactions.GetAsync(admin, id, default)).Value!;
            var change = id % 2 == 0
                ? new InteractionInput(null, null, null, null, "outbound", null, "left_message", null, null)
                : new InteractionInput(null, null, current.CampaignId == _campaign ? _other : _campaign, null, null, null, null, null, null);
            Assert.That((await _interactions.UpdateAsync(admin, id, change, default)).IsOk, Is.True);
        }

        await using (var connection = await _db.Database.OpenAsync(default))
        {
            var moved = await connection.QueryAsync<long>("""
                SELECT id FROM interactions WHERE campaign_id = @c AND official_id =
                    (SELECT MIN(official_id) FROM interactions WHERE campaign_id = @c AND outcome NOT IN ('sent', 'left_message', 'unreachable')
                       AND official_id IN (SELECT official_id FROM mandates
                                           WHERE end_date IS NULL AND role IN ('depute', 'senateur') AND department_code IN ('38', '75')))
                """, new { c = _campaign });
            foreach (var id in moved)
            {
                var change = new InteractionInput(null, null, _other, null, null, null, null, null, null);
                Assert.That((await _interactions.UpdateAsync(admin, id, change, default)).IsOk, Is.True);
            }
        }

        var official = _officials[0];
        var writes = Enumerable.Range(0, 12).Select(i => _interactions.LogAsync(admin, new InteractionInput(_grenoble, official, _campaign, "email",
            i % 3 == 0 ? "inbound" : "outbound", new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero).AddDays(-i), Outcomes[i % Outcomes.Length], null, i % 2 == 0), default));
        Assert.That((await Task.WhenAll(writes)).All(w => w.IsOk), Is.True);

        var expected = await IndependentCountAsync();
        var coverage = (await _coverage.CoverageAsync(_campaign, "department", default))!;
        Assert.That(coverage.Buckets.ToDictionary(b => b.Key, b => (b.Targets, b.Contacted, b.Reached, b.Responded, b.Supports, b.Neutral, b.Opposes, b.Unknown)),
            Is.EquivalentTo(expected));
    }

    [Test]
    public async Task CoverageByRoleAndGroup_AddUpToTheSameTotal()
    {
        var byDepartment = (await _coverage.CoverageAsync(_campaign, "department", default))!.Total;

        var byRole = (await _coverage.CoverageAsync(_campaign, "role", default))!;
        var byGroup = (await _coverage.CoverageAsync(_campaign, "group", default))!;

        Assert.That(byRole.Total, Is.EqualTo(byDepartment));
        Assert.That(byGroup.Total, Is.EqualTo(byDepartment));
        Assert.That(byRole.Buckets.Select(b => b.Key), Is.SubsetOf(new[] { "depute", "senateur", "maire" }), "municipal councillors are not targets");
    }

    [Test]
    public async Task Gaps_AreTheTargetsNotReached_NeverContactedFirst()
    {
        var total = (await _coverage.CoverageAsync(_campaign, "department", default))!.Total;

        var gaps = (await _coverage.GapsAsync(System, _campaign, new PageRequest(1, 500), default))!;

        Assert.That(gaps.Total, Is.EqualTo(total.Targets - total.Reached));
        Assert.That(gaps.Items.Select(g => g.Contacted), Is.Ordered, "never contacted first");
        Assert.That(gaps.Items.TakeWhile(g => !g.Contacted).Select(g => g.Stance == "unknown" ? 0 : 1), Is.Ordered, "then stance unknown first");
    }

    [Test]
    public async Task UnknownCampaign_IsNull()
    {
        Assert.That(await _coverage.CoverageAsync(999_999, "role", default), Is.Null);
        Assert.That(await _coverage.GapsAsync(System, 999_999, PageRequest.First, default), Is.Null);
    }

    /// <summary>Per organisation: the targets of its département, those of them it contacted, of which reached (by anyone), stance unknown.</summary>
    private async Task<Dictionary<string, (int Targets, int Contacted, int Reached, int Unknown)>> IndependentOrganisationCountAsync()
    {
        await using var connection = await _db.Database.OpenAsync(default);
        var p = new { c = _campaign };
        var targets = (await connection.QueryAsync<(long Id, string Department)>("""
            SELECT official_id, MIN(department_code) FROM mandates
            WHERE end_date IS NULL AND ((role IN ('depute', 'senateur') AND department_code IN ('38', '75')) OR (role = 'maire' AND commune_insee IN ('38421', '75056')))
            GROUP BY official_id
            """)).ToDictionary(t => t.Id, t => t.Department);
        var pairs = (await connection.QueryAsync<(string Name, string Department, long Official)>("""
            SELECT DISTINCT g.name, g.department_code, i.official_id FROM interactions i JOIN organisations g ON g.id = i.organisation_id
            WHERE i.campaign_id = @c
            """, p)).ToList();
        var reached = (await connection.QueryAsync<long>(
            "SELECT DISTINCT official_id FROM interactions WHERE campaign_id = @c AND outcome NOT IN ('sent', 'left_message', 'unreachable')", p)).ToHashSet();
        var known = (await connection.QueryAsync<(long Official, string Stance)>(
            "SELECT official_id, stance FROM positions WHERE campaign_id = @c ORDER BY official_id, stated_on, id", p))
            .GroupBy(s => s.Official).Where(g => g.Last().Stance != "unknown").Select(g => g.Key).ToHashSet();
        var names = (await connection.QueryAsync<(string Name, string Department)>("""
            SELECT g.name, g.department_code FROM campaign_organisations co JOIN organisations g ON g.id = co.organisation_id WHERE co.campaign_id = @c
            """, p)).ToList();
        return names.ToDictionary(n => n.Name, n =>
        {
            var mine = pairs.Where(x => x.Name == n.Name && targets.GetValueOrDefault(x.Official) == n.Department).Select(x => x.Official).ToList();
            return (targets.Count(t => t.Value == n.Department), mine.Count, mine.Count(reached.Contains), mine.Count(o => !known.Contains(o)));
        });
    }

    /// <summary>The default rule hard-coded in SQL for this data set; flags aggregated in C#.</summary>
    private async Task<Dictionary<string, (int Targets, int Contacted, int Reached, int Responded, int Supports, int Neutral, int Opposes, int Unknown)>>
        IndependentCountAsync()
    {
        await using var connection = await _db.Database.OpenAsync(default);
        var p = new { c = _campaign };
        var targets = (await connection.QueryAsync<(long Id, string Department)>("""
            SELECT official_id, MIN(department_code) FROM mandates
            WHERE end_date IS NULL AND ((role IN ('depute', 'senateur') AND department_code IN ('38', '75')) OR (role = 'maire' AND commune_insee IN ('38421', '75056')))
            GROUP BY official_id
            """)).ToDictionary(t => t.Id, t => t.Department);
        var contacted = (await connection.QueryAsync<long>("SELECT DISTINCT official_id FROM interactions WHERE campaign_id = @c", p)).ToHashSet();
        var reached = (await connection.QueryAsync<long>(
            "SELECT DISTINCT official_id FROM interactions WHERE campaign_id = @c AND outcome NOT IN ('sent', 'left_message', 'unreachable')", p)).ToHashSet();
        var responded = (await connection.QueryAsync<long>("""
            SELECT official_id FROM interactions WHERE campaign_id = @c AND (direction = 'inbound' OR outcome IN ('replied', 'declined'))
            UNION SELECT official_id FROM positions WHERE campaign_id = @c
            """, p)).ToHashSet();
        var stance = (await connection.QueryAsync<(long Official, string Stance)>(
            "SELECT official_id, stance FROM positions WHERE campaign_id = @c ORDER BY official_id, stated_on, id", p))
            .GroupBy(s => s.Official).ToDictionary(g => g.Key, g => g.Last().Stance);
        return targets.GroupBy(t => t.Value).ToDictionary(g => g.Key, g =>
        {
            var ids = g.Select(t => t.Key).ToList();
            int Count(Func<long, bool> predicate) => ids.Count(predicate);
            string Of(long id) => stance.GetValueOrDefault(id, "unknown");
            return (ids.Count, Count(contacted.Contains), Count(reached.Contains), Count(responded.Contains), Count(i => Of(i) == "supports"),
                Count(i => Of(i) == "neutral"), Count(i => Of(i) == "opposes"), Count(i => Of(i) == "unknown"));
        });
    }
}

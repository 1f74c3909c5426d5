using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CampaignDesk.Core.Tests.Audit;

/// <summary>The audit trail's filters the people page uses: what was done, and a range of days in Paris.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class AuditFilterTests(DatabaseProvider provider)
{
    private static readonly Caller Admin = Caller.System("admin");

    private TestDatabase _db = null!;
    private FakeTimeProvider _time = null!;
    private AuditLog _audit = null!;

    [OneTimeSetUp]
    public void RequireEngine() => TestDatabase.RequireConfigured(provider);

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await (await TestDatabase.CreateAsync(provider)).MigratedAsync();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 6, 22, 30, 0, TimeSpan.Zero)); // 6 March, 23:30 in Paris
        _audit = new AuditLog(_db.Database, _time);
        await RecordAsync("create", "1");
        _time.Advance(TimeSpan.FromHours(1));                                                      // 7 March, 00:30 in Paris
        await RecordAsync("update", "2");
        _time.Advance(TimeSpan.FromHours(23));                                                     // 7 March, 23:30 in Paris
        await RecordAsync("update", "3");
        _time.Advance(TimeSpan.FromHours(1));                                                      // 8 March, 00:30 in Paris
        await RecordAsync("update", "4");
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Search_DayRange_IsWholeDaysInParis()
    {
        var day = new DateOnly(2026, 3, 7);

        Assert.Multiple(async () =>
        {
            Assert.That(await IdsAsync(new AuditQuery(null, null, null, null, PageRequest.First, From: day, To: day)), Is.EqualTo(new[] { "3", "2" }));
            Assert.That(await IdsAsync(new AuditQuery(null, null, null, null, PageRequest.First, From: day)), Is.EqualTo(new[] { "4", "3", "2" }));
            Assert.That(await IdsAsync(new AuditQuery(null, null, null, null, PageRequest.First, To: day.AddDays(-1))), Is.EqualTo(new[] { "1" }));
        });
    }

    [Test]
    public async Task Search_ActionAndEntity_NarrowTogether()
    {
        var page = await _audit.SearchAsync(new AuditQuery("user", null, null, null, PageRequest.First, Action: "create"), default);

        Assert.That((page.Total, page.Items.Single().EntityId), Is.EqualTo((1L, "1")));
    }

    private Task RecordAsync(string action, string id) =>
        _audit.RecordAsync(Admin, action, "user", id, null, null, new { disabled = action == "update" }, default);

    private async Task<string?[]> IdsAsync(AuditQuery query) => (await _audit.SearchAsync(query, default)).Items.Select(e => e.EntityId).ToArray();
}

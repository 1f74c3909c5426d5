using CampaignDesk.Core.Campaigns;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Tests.FollowUps;
using CampaignDesk.Core.Users;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Campaigns;

/// <summary>
/// The targeting builder's count over rules and participants not saved yet: what saving would target, nothing written.
/// The world: SEC-Pa with structures in Grenoble (38) and Strasbourg (67), a députée of the Isère and the maire of Strasbourg.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class TargetPreviewTests(DatabaseProvider provider)
{
    private FollowUpWorld _world = null!;
    private TargetPreviews _previews = null!;

    [SetUp]
    public async Task Create()
    {
        _world = await FollowUpWorld.CreateAsync(provider);
        _previews = new TargetPreviews(_world.Db.Database);
    }

    [TearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Test]
    public async Task WithoutRules_TheSavedTargetingIsCounted_AndTheSampleIsByName()
    {
        var preview = await PreviewAsync(new TargetPreviewInput(null, null));

        Assert.That(preview.Total, Is.EqualTo(2));
        Assert.That(preview.Sample.Select(s => (s.LastName, s.Title)), Is.EqualTo(new[] { ("BARSEGHIAN", "Maire"), ("CHATELAIN", "Députée") }));
    }

    [Test]
    public async Task UnsavedRules_AreCounted_AndNothingIsWritten()
    {
        var rules = new CampaignTargeting([new TargetRule([Roles.Depute], CampaignTargeting.Scopes.Departments, ["38"])]);

        var preview = await PreviewAsync(new TargetPreviewInput(rules, null));

        Assert.That(preview.Total, Is.EqualTo(1));
        Assert.That(preview.Sample.Single().OfficialId, Is.EqualTo(_world.Deputee));
        var saved = await _world.Services.Campaigns.GetAsync(_world.Campaign, default);
        Assert.That(saved!.Targeting.Rules.Select(r => r.Where), Is.EqualTo(CampaignTargeting.Default.Rules.Select(r => r.Where)));
    }

    [Test]
    public async Task UnsavedParticipants_ReplaceTheCampaigns_ForTheRulesThatDependOnThem()
    {
        var onlyGrenoble = await PreviewAsync(new TargetPreviewInput(CampaignTargeting.Default, [_world.Grenoble]));
        var nobody = await PreviewAsync(new TargetPreviewInput(CampaignTargeting.Default, []));
        var named = await PreviewAsync(new TargetPreviewInput(new CampaignTargeting([], [_world.Maire]), []));

        Assert.That(onlyGrenoble.Sample.Select(s => s.OfficialId), Is.EqualTo(new[] { _world.Deputee }), "Strasbourg's maire only with Strasbourg");
        Assert.That(nobody.Total, Is.Zero);
        Assert.That(named.Sample.Select(s => s.OfficialId), Is.EqualTo(new[] { _world.Maire }), "an official named is a target without participants");
    }

    [Test]
    public async Task ANonAdmin_IsRefused_ABadRuleNamesItsField_AndAnUnknownCampaignIsNotFound()
    {
        var coordinator = new Caller(42, "coordination", UserRoles.Coordinator, new HashSet<long> { _world.Grenoble });
        var bad = new CampaignTargeting([new TargetRule([Roles.Depute], "partout")]);

        var refused = await _previews.PreviewAsync(coordinator, _world.Campaign, new TargetPreviewInput(null, null), default);
        var invalid = await _previews.PreviewAsync(FollowUpWorld.Admin, _world.Campaign, new TargetPreviewInput(bad, null), default);
        var unknown = await _previews.PreviewAsync(FollowUpWorld.Admin, 424242, new TargetPreviewInput(null, null), default);

        Assert.That(refused.Status, Is.EqualTo(OutcomeStatus.Forbidden));
        Assert.That(invalid.Errors!.Keys, Is.EqualTo(new[] { "targeting.rules[0].where" }));
        Assert.That(unknown.Status, Is.EqualTo(OutcomeStatus.NotFound));
    }

    private async Task<TargetPreview> PreviewAsync(TargetPreviewInput input)
    {
        var outcome = await _previews.PreviewAsync(FollowUpWorld.Admin, _world.Campaign, input, default);
        Assert.That(outcome.IsOk, Is.True, outcome.Detail?.ToString());
        return outcome.Value!;
    }
}

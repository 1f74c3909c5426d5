using CampaignDesk.Core.FollowUps;

namespace CampaignDesk.Core.Tests.FollowUps;

public class FollowUpStatesTests
{
    [Test]
    public void Spelling_OfEveryState_ParsesBackToIt() =>
        Assert.That(Enum.GetValues<FollowUpState>().Select(s => FollowUpStates.Parse(FollowUpStates.Spelling(s))),
            Is.EqualTo(Enum.GetValues<FollowUpState>().Select(s => (FollowUpState?)s)));

    [Test]
    public void All_IsTheDatabaseSpellingOfEachState() =>
        Assert.That(FollowUpStates.All, Is.EqualTo(new[] { "scheduled", "claimed", "sent", "failed", "cancelled" }));

    [Test]
    public void Parse_AnUnknownSpelling_IsNull() => Assert.That(FollowUpStates.Parse("Scheduled"), Is.Null);
}

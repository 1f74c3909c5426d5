using CampaignDesk.Core.Officials;

namespace CampaignDesk.Core.Tests.Officials;

public class NextActionsTests
{
    private static readonly OfficialOutreach Never = new(1, false, false, false, false, "unknown");
    private static readonly OfficialOutreach Ours = new(1, true, true, false, false, "unknown");

    [Test]
    public void NeverContacted_IsCalled_WhenANumberIsKnown_ElseWrittenTo()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NextActions.Of(Never, new(HasPhone: true, HasEmail: true)).Label, Is.EqualTo("Appeler la permanence"));
            Assert.That(NextActions.Of(Never, new(HasEmail: true)).Label, Is.EqualTo("Écrire"));
            Assert.That(NextActions.Of(Never, new()).Code, Is.EqualTo("find_contact"));
        });
    }

    [TestCase("left_message", "call_again")]
    [TestCase("unreachable", "call_again")]
    [TestCase("sent", "follow_up")]
    public void AfterOurLastContact(string outcome, string expected) =>
        Assert.That(NextActions.Of(Ours, new(LastOutcome: outcome, HasEmail: true)).Code, Is.EqualTo(expected));

    [Test]
    public void AnAnswerToSort_ComesFirst_ThenAKnownStance_ThenWhatIsAlreadyPlanned()
    {
        var answered = new OfficialOutreach(1, true, true, true, true, "unknown");
        var supports = answered with { Stance = "supports" };
        Assert.Multiple(() =>
        {
            Assert.That(NextActions.Of(answered, new(AnswerToTriage: true)).Label, Is.EqualTo("Trier la réponse"));
            Assert.That(NextActions.Of(supports, new(LastOutcome: "left_message")).Code, Is.EqualTo("thank"));
            Assert.That(NextActions.Of(answered, new()).Code, Is.EqualTo("record_position"));
            Assert.That(NextActions.Of(Ours, new(LastOutcome: "sent", ScheduledFollowUpUtc: new DateTime(2026, 12, 8, 8, 0, 0, DateTimeKind.Utc))).Detail,
                Is.EqualTo("Départ prévu le 8 décembre 2026 à 09h00."));
            Assert.That(NextActions.Of(Never, new(OpenTaskDue: new DateOnly(2026, 12, 9), OpenTaskAssignee: "Bénédicte")).Detail,
                Is.EqualTo("Confiée à Bénédicte, pour le 9 décembre 2026."));
        });
    }

    [Test]
    public void ContactedByOthersOnly_IsToCoordinate() =>
        Assert.That(NextActions.Of(new OfficialOutreach(1, true, false, true, false, "unknown"), new(HasEmail: true)).Code, Is.EqualTo("coordinate"));

    [Test]
    public void Status_SaysWhereItStands()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Never.Status, Is.EqualTo("not_contacted"));
            Assert.That(Ours.Status, Is.EqualTo("contacted"));
            Assert.That((Ours with { Reached = true }).Status, Is.EqualTo("reached"));
            Assert.That((Ours with { ContactedByOrganisation = false }).Status, Is.EqualTo("contacted_by_others"));
            Assert.That((Ours with { Responded = true }).Status, Is.EqualTo("responded"));
        });
    }
}

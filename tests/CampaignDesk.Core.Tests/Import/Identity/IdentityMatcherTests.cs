using CampaignDesk.Core.Import.Identity;
using CampaignDesk.Core.Import.Parliament;

namespace CampaignDesk.Core.Tests.Import.Identity;

public sealed class IdentityMatcherTests
{
    private static readonly Person[] People =
    [
        new(1, "BLATRIX CONTAT", "Florence", "01", null, ParliamentMember.Senateur),
        new(2, "REID ABERLOT", "Mereana", "987", 3, ParliamentMember.Depute),
        new(3, "CHATELAIN", "Cyrielle", "38", 2, ParliamentMember.Depute),
        new(4, "MARTIN", "Pierre", "38", 5, ParliamentMember.Depute),
        new(5, "DUPONT", "Anne", "75", null, ParliamentMember.Senateur),
        new(6, "DUPONT", "Anne", "75", null, ParliamentMember.Senateur),
        new(7, "DE LA GONTRIE", "Marie-Pierre", "75", null, ParliamentMember.Senateur),
    ];

    private readonly IdentityMatcher<Person> _matcher = new(People, p => new PersonIdentity(p.Last, p.First, p.Department, p.Circo, p.Chamber));

    [Test]
    public void Match_SameNameSeat_Matched()
    {
        var match = _matcher.Match(new PersonIdentity("Chatelain", "Cyrielle", "38", 2, ParliamentMember.Depute));

        Assert.That((match.Outcome, match.Person?.Id), Is.EqualTo((IdentityMatchOutcome.Matched, (int?)3)));
        Assert.That(match.Reason, Does.Contain("même nom"));
    }

    [Test]
    public void Match_AssembleeFullName_Matched()
    {
        var match = _matcher.Match(new PersonIdentity("Cyrielle Chatelain", string.Empty, "38", 2, ParliamentMember.Depute));

        Assert.That(match.Person?.Id, Is.EqualTo(3));
    }

    [Test]
    public void Match_CompoundSurnameHyphenated_Matched()
    {
        var match = _matcher.Match(new PersonIdentity("Blatrix-Contat", "Florence", "1", null, ParliamentMember.Senateur));

        Assert.That((match.Outcome, match.Person?.Id), Is.EqualTo((IdentityMatchOutcome.Matched, (int?)1)));
    }

    [Test]
    public void Match_CompoundSurnameMisspelledInFullName_MatchedAsVariant()
    {
        var match = _matcher.Match(new PersonIdentity("Mereana Reid Arbelot", string.Empty, "987", 3, ParliamentMember.Depute));

        Assert.That((match.Outcome, match.Person?.Id), Is.EqualTo((IdentityMatchOutcome.Matched, (int?)2)));
        Assert.That(match.Reason, Does.Contain("variante"));
    }

    [Test]
    public void Match_ParticleCase_Matched()
    {
        var match = _matcher.Match(new PersonIdentity("de La Gontrie", "Marie-Pierre", "75", null, ParliamentMember.Senateur));

        Assert.That(match.Person?.Id, Is.EqualTo(7));
    }

    [Test]
    public void Match_TwoNamesakes_AmbiguousWithBoth()
    {
        var match = _matcher.Match(new PersonIdentity("Dupont", "Anne", "75", null, ParliamentMember.Senateur));

        Assert.Multiple(() =>
        {
            Assert.That(match.Outcome, Is.EqualTo(IdentityMatchOutcome.Ambiguous));
            Assert.That(match.Person, Is.Null);
            Assert.That(match.Candidates.Select(p => p.Id), Is.EquivalentTo(new[] { 5, 6 }));
            Assert.That(match.Reason, Does.Contain("2 candidats"));
        });
    }

    [Test]
    public void Match_WrongDepartment_Unmatched()
    {
        var match = _matcher.Match(new PersonIdentity("Blatrix Contat", "Florence", "02", null, ParliamentMember.Senateur));

        Assert.That(match.Outcome, Is.EqualTo(IdentityMatchOutcome.Unmatched));
    }

    [Test]
    public void Match_NamesakeInAnotherCirconscription_Unmatched()
    {
        var match = _matcher.Match(new PersonIdentity("Martin", "Pierre", "38", 2, ParliamentMember.Depute));

        Assert.Multiple(() =>
        {
            Assert.That(match.Outcome, Is.EqualTo(IdentityMatchOutcome.Unmatched));
            Assert.That(match.Reason, Does.Contain("CHATELAIN"), "names who sits there");
        });
    }

    [Test]
    public void Match_OtherChamber_Unmatched()
    {
        var match = _matcher.Match(new PersonIdentity("Chatelain", "Cyrielle", "38", null, ParliamentMember.Senateur));

        Assert.That(match.Outcome, Is.EqualTo(IdentityMatchOutcome.Unmatched));
    }

    [Test]
    public void MatchAll_TwoRecordsClaimOnePerson_BothAmbiguous()
    {
        var results = _matcher.MatchAll(
        [
            new PersonIdentity("Chatelain", "Cyrielle", "38", 2, ParliamentMember.Depute),
            new PersonIdentity("Cyrielle Chatelain", string.Empty, "38", 2, ParliamentMember.Depute),
            new PersonIdentity("Martin", "Pierre", "38", 5, ParliamentMember.Depute),
        ]);

        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[]
        {
            IdentityMatchOutcome.Ambiguous, IdentityMatchOutcome.Ambiguous, IdentityMatchOutcome.Matched,
        }));
    }

    internal sealed record Person(int Id, string Last, string First, string Department, int? Circo, string Chamber);
}

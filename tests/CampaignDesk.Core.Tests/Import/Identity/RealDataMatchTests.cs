using CampaignDesk.Core.Import.Identity;
using CampaignDesk.Core.Import.Parliament;
using static CampaignDesk.Core.Tests.Import.Parliament.ParliamentFiles;

namespace CampaignDesk.Core.Tests.Import.Identity;

/// <summary>
/// Every sitting parliamentarian of the contact files against the RNE of 2025-10-07, read here with a plain ';' split
/// (the real RNE reader lives elsewhere). The figures are written to the test output for the import report.
/// </summary>
public sealed class RealDataMatchTests
{
    [TestCase("assemblee/deputes.json")]
    [TestCase("datan/deputes-active-2026-03-09.csv")]
    public void MatchAll_DeputesAgainstRne_AtLeast95PercentAndNobodyTwice(string file)
    {
        var rne = RneRows("elus-deputes-dep.csv", ParliamentMember.Depute);
        var members = ReadShared(file).Members();

        var results = new IdentityMatcher<RneRow>(rne, row => row.Identity).MatchAll(members);

        AssertMostMatchedOnce(file, members, results);
    }

    [TestCase("senat/senateurs-api-2026-03-03.json")]
    public void MatchAll_SenatorsAgainstRne_AtLeast95PercentAndNobodyTwice(string file)
    {
        var rne = RneRows("elus-senateurs-sen.csv", ParliamentMember.Senateur);
        var members = ReadShared(file).Members();

        var results = new IdentityMatcher<RneRow>(rne, row => row.Identity).MatchAll(members);

        AssertMostMatchedOnce(file, members, results);
    }

    private static void AssertMostMatchedOnce(string file, List<ParliamentMember> members, IReadOnlyList<IdentityMatch<RneRow>> results)
    {
        var matched = results.Where(r => r.Outcome == IdentityMatchOutcome.Matched).ToList();
        var ambiguous = results.Count(r => r.Outcome == IdentityMatchOutcome.Ambiguous);
        var unmatched = results.Count(r => r.Outcome == IdentityMatchOutcome.Unmatched);
        TestContext.Out.WriteLine($"{file}: {members.Count} members, {matched.Count} matched, {ambiguous} ambiguous, {unmatched} unmatched");
        TestContext.Out.WriteLine($"  by a name variant: {matched.Count(r => r.Reason.Contains("variant", StringComparison.Ordinal))}");
        foreach (var result in results.Where(r => r.Outcome != IdentityMatchOutcome.Matched || r.Reason.Contains("variant", StringComparison.Ordinal)))
        {
            TestContext.Out.WriteLine($"  {result.Outcome}: {result.Reason}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(matched, Has.Count.GreaterThanOrEqualTo((int)Math.Ceiling(members.Count * 0.95)));
            Assert.That(matched.Select(r => r.Person!.Line), Is.Unique, "an RNE row given to two members");
            Assert.That(results, Has.Count.EqualTo(members.Count));
        });
    }

    private static List<RneRow> RneRows(string file, string chamber)
    {
        var lines = File.ReadAllLines(Shared(Path.Combine("rne", "2025-10-07", file)));
        var header = lines[0].Split(';');
        int Column(string name) => Array.IndexOf(header, name);
        var (department, collectivity, circo) = (Column("Code du département"), Column("Code de la collectivité à statut particulier"), Column("Code de la circonscription législative"));
        var (last, first) = (Column("Nom de l'élu"), Column("Prénom de l'élu"));
        return lines.Skip(1).Select((line, index) =>
        {
            var fields = line.Split(';');
            var code = fields[department].Length > 0 ? fields[department] : fields[collectivity];
            int? number = circo >= 0 ? int.Parse(fields[circo][^2..], System.Globalization.CultureInfo.InvariantCulture) : null;
            return new RneRow(index + 2, new PersonIdentity(fields[last], fields[first], code, number, chamber));
        }).ToList();
    }

    internal sealed record RneRow(int Line, PersonIdentity Identity);
}

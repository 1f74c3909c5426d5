using System.Text.RegularExpressions;
using CampaignDesk.TestSupport;

namespace CampaignDesk.Core.Tests.Architecture;

/// <summary>Rules of the code's shape (issue 18) that a reviewer would otherwise have to remember, checked over src.</summary>
public class ShapeTests
{
    [Test]
    public void Transactions_AreOpenedOnlyInData()
    {
        var offenders = SourceFiles()
            .Where(f => !f.Relative.StartsWith("CampaignDesk.Core/Data/", StringComparison.Ordinal))
            .SelectMany(f => Lines(f, line => line.Contains("BeginTransaction", StringComparison.Ordinal)))
            .ToList();

        Assert.That(offenders, Is.Empty,
            "Open transactions through Database.WriteAsync (it takes the SQLite writer queue), or add a named method in Data/.");
    }

    [Test]
    public void Writes_TakeADbSession_NotAConnectionAndATransaction()
    {
        // Database.WriteAsync hands out the unit of work; the (connection, transaction) forms are Data/'s own business.
        var threaded = new Regex(@"\bDbConnection \w+, DbTransaction\??\s+\w+|\b(Bulk)?TransactAsync\(");
        var offenders = SourceFiles()
            .Where(f => !f.Relative.StartsWith("CampaignDesk.Core/Data/", StringComparison.Ordinal))
            .SelectMany(f => Lines(f, threaded.IsMatch))
            .ToList();

        Assert.That(offenders, Is.Empty, "Take a DbSession from Database.WriteAsync (or ReadAsync) and pass it down.");
    }

    [Test]
    public void NoFeature_CallsAnotherFeaturesStatic_WithItsUnitOfWork()
    {
        // A static that takes a session, a connection or a transaction hides a dependency when another feature calls it:
        // make it an injected instance (CampaignRules, OutreachEffects…) so the caller's constructor shows it.
        var declaration = new Regex(@"(public|internal) static [^=;{(]*?\b(\w+)\([^)]*?\b(DbSession|DbConnection|DbTransaction)\b");
        var files = SourceFiles().Select(f => (File: f, Text: File.ReadAllText(f.Path), Feature: Feature(f.Relative))).ToList();
        var offenders = (
            from owner in files
            where !owner.File.Relative.StartsWith("CampaignDesk.Core/Data/", StringComparison.Ordinal)
            from Match m in declaration.Matches(owner.Text)
            let call = $"{System.IO.Path.GetFileNameWithoutExtension(owner.File.Path).Split('.')[0]}.{m.Groups[2].Value}("
            from caller in files
            where caller.Feature != owner.Feature && caller.Text.Contains(call, StringComparison.Ordinal)
            select $"{caller.File.Relative} calls {call}) of {owner.Feature}").Distinct().ToList();

        Assert.That(offenders, Is.Empty);
    }

    private static string Feature(string relative) => string.Join('/', relative.Split('/').Take(2));

    [Test]
    public void FollowUpStates_AreSpelledOnlyInTheirType()
    {
        // 'scheduled' and 'claimed' name follow-up states only; 'sent', 'failed' and 'cancelled' are also task states,
        // interaction outcomes or run statuses, so they count where follow-ups are handled (their folder, SQL on their table).
        var onlyFollowUps = new Regex(@"['""](scheduled|claimed)['""]");
        var shared = new Regex(@"['""](sent|failed|cancelled)['""]");
        var tableName = new Regex(@"\b(FROM|JOIN|UPDATE|INTO)\s+followups\b");
        var offenders = SourceFiles()
            .Where(f => f.Relative != "CampaignDesk.Core/FollowUps/FollowUp.cs")
            .SelectMany(f =>
            {
                var handlesFollowUps = f.Relative.StartsWith("CampaignDesk.Core/FollowUps/", StringComparison.Ordinal)
                    || tableName.IsMatch(File.ReadAllText(f.Path));
                return Lines(f, line => onlyFollowUps.IsMatch(line) || (handlesFollowUps && shared.IsMatch(line)));
            })
            .ToList();

        Assert.That(offenders, Is.Empty, "Use FollowUpStates (interpolated into SQL), or the constants of the other word's own type.");
    }

    [Test]
    public void TaskStates_AreSpelledOnlyInTheirType()
    {
        // 'open', 'done' and 'cancelled' are common words: they count where tasks are handled (their folder, SQL on their table).
        var states = new Regex(@"['""](open|done|cancelled)['""]");
        var tableName = new Regex(@"\b(FROM|JOIN|UPDATE|INTO)\s+tasks\b");
        var offenders = SourceFiles()
            .Where(f => f.Relative != "CampaignDesk.Core/Tasks/OutreachTask.cs")
            .Where(f => f.Relative.StartsWith("CampaignDesk.Core/Tasks/", StringComparison.Ordinal) || tableName.IsMatch(File.ReadAllText(f.Path)))
            .SelectMany(f => Lines(f, line => states.IsMatch(line) && !line.Contains("FollowUpStates", StringComparison.Ordinal)))
            .ToList();

        Assert.That(offenders, Is.Empty, "Use TaskStates (interpolated into SQL).");
    }

    [Test]
    public void SourceFiles_StayUnder300Lines()
    {
        var tooLong = SourceFiles().Select(f => (f.Relative, Lines: File.ReadLines(f.Path).Count())).Where(f => f.Lines > 300)
            .Select(f => $"{f.Relative}: {f.Lines} lines").ToList();

        Assert.That(tooLong, Is.Empty, "Split a long file along a seam (its reads, a store of its SQL, one concern of the service).");
    }

    internal sealed record SourceFile(string Path, string Relative);

    /// <summary>Every C# file of src, with its path relative to src/ ('/' separated).</summary>
    internal static IEnumerable<SourceFile> SourceFiles()
    {
        var src = System.IO.Path.Combine(BuiltPrograms.RepositoryRoot, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => new SourceFile(path, System.IO.Path.GetRelativePath(src, path).Replace('\\', '/')))
            .Where(f => !f.Relative.Contains("/obj/", StringComparison.Ordinal) && !f.Relative.Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
    }

    internal static IEnumerable<string> Lines(SourceFile file, Func<string, bool> matches) =>
        File.ReadLines(file.Path).Select((line, i) => (line, i)).Where(l => matches(l.line)).Select(l => $"{file.Relative}:{l.i + 1}: {l.line.Trim()}");
}

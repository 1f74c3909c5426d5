using System.Data.Common;
using CampaignDesk.Core.Contacts;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Import.Parliament;

namespace CampaignDesk.Core.Import.Contacts;

/// <summary>
/// Gives the députés the addresses, phones, e-mails and web sites of the Assemblée's acteur files (one JSON per person,
/// or the zip of them as published). A person is found by the Assemblée id stored before, else by name within the
/// département and circonscription as the other parliament files are; people who no longer sit are left out. For each
/// député in the file, what it lists replaces the Assemblée's current details of each kind (a changed phone retires the
/// old one); nobody else is touched.
/// </summary>
public sealed class ActeurImporter(Database database, ParliamentImporter parliament, TimeProvider time)
{
    /// <summary>The contact points' source: the same publisher as the députés' list.</summary>
    public const string Source = "assemblee";

    internal async Task ImportAsync(DbSession session, Stream stream, string fileName, ImportRun run)
    {
        var sitting = new List<Acteur>();
        var former = 0;
        foreach (var (number, _, document, problem) in JsonEntries.Read(stream, fileName))
        {
            using (document)
            {
                if (document is null)
                {
                    run.RowsRead++;
                    run.Report(number, ImportIssueKinds.Unreadable, problem!);
                    continue;
                }

                if (!ActeurReader.IsActeur(document))
                {
                    continue; // the organes and other documents the Assemblée's zips hold
                }

                run.RowsRead++;
                var (acteur, why) = ActeurReader.Read(number, document);
                if (acteur is null)
                {
                    run.Report(number, ImportIssueKinds.Unreadable, why!);
                    continue;
                }

                foreach (var invalid in acteur.Problems)
                {
                    run.Report(number, ImportIssueKinds.InvalidContact, invalid);
                }

                if (acteur.Sitting)
                {
                    sitting.Add(acteur);
                }
                else
                {
                    former++;
                }
            }
        }

        if (former > 0)
        {
            run.Report(null, ImportIssueKinds.NotSitting, ImportOutcome.Format(
                $"{former} fiche(s) de personnes qui ne siègent pas à l'Assemblée : leurs coordonnées ne sont pas reprises."));
        }

        var known = await parliament.MatchAsync(session, sitting.Select(a => a.Member).ToList(), ParliamentMember.Depute, run);
        var values = sitting.Where(a => known.ContainsKey(a.Member.SourceId)).GroupBy(a => known[a.Member.SourceId])
            .ToDictionary(g => g.Key, g => g.SelectMany(a => a.Contacts).ToList());
        var writer = new ContactPointWriter(database, session, run, time.GetUtcNow().UtcDateTime);
        await writer.ReplaceForOfficialsAsync(Source, ContactKinds.All, values);
        writer.ReportOlder();
    }
}

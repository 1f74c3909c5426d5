using System.Globalization;

namespace CampaignDesk.Core.Import;

/// <summary>The one sentence, in French, that tells a coordinator what a run did or would do.</summary>
internal static class ImportOutcome
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Describe(ImportRun run, bool dryRun)
    {
        var verb = dryRun ? "Simulation, rien n'a été modifié : l'import ajouterait" : "Import appliqué :";
        var text = string.Create(French,
            $"{verb} {run.OfficialsAdded:N0} élu(s) et {run.MandatesAdded:N0} mandat(s), {(dryRun ? "clorait" : "clos")} {run.MandatesEnded:N0} mandat(s), "
            + $"{(dryRun ? "rouvrirait" : "rouverts")} {run.MandatesReopened:N0} ; {run.ContactsAdded:N0} contact(s) ajouté(s), {run.ContactsChanged:N0} modifié(s) ; "
            + $"{run.Count(ImportIssueKinds.Unreadable):N0} ligne(s) illisible(s) sur {run.RowsRead:N0}.");
        return run.MandatesHeldBack > 0
            ? text + string.Create(French, $" {run.MandatesHeldBack:N0} mandat(s) absent(s) du fichier restent en cours (voir ends_held_back).")
            : text;
    }

    public static string Failed(Exception error) => error is InvalidDataException
        ? $"Import refusé, rien n'a été modifié : {error.Message}"
        : "Import échoué, rien n'a été modifié (voir error).";

    public static string Format(FormattableString text) => text.ToString(French);
}

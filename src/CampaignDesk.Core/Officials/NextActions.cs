using CampaignDesk.Core.Interactions;

namespace CampaignDesk.Core.Officials;

/// <summary>What an organisation does next with an official on a campaign: a code for pages and tests, and its French label.</summary>
public sealed record NextAction(string Code, string Label, string? Detail = null);

/// <summary>What an organisation knows of its own dealings with one official on one campaign (see <see cref="OutreachFacts"/>).</summary>
public sealed record OwnDealings(
    string? LastOutcome = null,
    string? LastChannel = null,
    DateTime? ScheduledFollowUpUtc = null,
    DateOnly? OpenTaskDue = null,
    string? OpenTaskAssignee = null,
    bool AnswerToTriage = false,
    bool HasPhone = false,
    bool HasEmail = false);

/// <summary>
/// The next action proposed for an official, from where the campaign stands with them and the organisation's own
/// dealings, the first that applies: an answer waiting in triage is sorted; a known stance is thanked; someone reached
/// or who answered gets their position recorded; a follow-up already planned or a task already given is waited for; a
/// message left or nobody reached is called again; a letter or e-mail sent is followed up; someone only other
/// structures contacted is coordinated with; someone never contacted is called (a number is known) or written to.
/// </summary>
public static class NextActions
{
    public static NextAction Of(OfficialOutreach outreach, OwnDealings own)
    {
        if (own.AnswerToTriage)
        {
            return new("triage", "Trier la réponse", "Sa réponse attend dans « Réponses à trier ».");
        }

        if (outreach.Stance is "supports" or "neutral" or "opposes")
        {
            return new("thank", "Remercier et tenir informé·e");
        }

        if (outreach.Responded || (outreach.Reached && outreach.ContactedByOrganisation))
        {
            return new("record_position", "Enregistrer sa position");
        }

        if (own.ScheduledFollowUpUtc is { } due)
        {
            return new("wait_follow_up", "Relance programmée", $"Départ prévu le {Paris(due)}.");
        }

        if (own.OpenTaskDue is { } taskDue)
        {
            return new("wait_task", "Tâche en cours",
                $"Confiée à {own.OpenTaskAssignee ?? "un·e bénévole"}, pour le {Common.FrenchDates.LongForm(taskDue)}.");
        }

        if (own.LastOutcome is "left_message" or "unreachable")
        {
            return new("call_again", "Rappeler", own.LastOutcome == "left_message" ? "Un message a été laissé." : "Injoignable la dernière fois.");
        }

        if (own.LastOutcome == InteractionOutcomes.Sent)
        {
            return own.HasEmail ? new("follow_up", "Programmer une relance") : new("call_again", "Appeler pour relancer");
        }

        if (outreach.Contacted && !outreach.ContactedByOrganisation)
        {
            return new("coordinate", "Se coordonner", "Déjà contacté·e par une autre structure sur cette campagne.");
        }

        if (!outreach.Contacted)
        {
            return own.HasPhone ? new("call", "Appeler la permanence")
                : own.HasEmail ? new("write", "Écrire")
                : new("find_contact", "Trouver un moyen de le ou la joindre", "Aucun numéro ni e-mail dans l'annuaire.");
        }

        return new("follow_up", own.HasEmail ? "Programmer une relance" : "Rappeler");
    }

    private static string Paris(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Common.ParisTime.Zone);
        return $"{Common.FrenchDates.LongForm(DateOnly.FromDateTime(local))} à {local:HH'h'mm}";
    }
}

using CampaignDesk.Core.Interactions;

namespace CampaignDesk.Core.Lobbying;

/// <summary>
/// What counts as an « action de représentation d'intérêts »: the one place of the rule. Sources: loi n° 2013-907 du 11
/// octobre 2013, art. 18-2 (« entrer en communication » with the public officials of its 1° to 7°, see
/// <see cref="RegisterCategories"/>); décret n° 2017-867 du 9 mai 2017, art. 1 (« à son initiative, au moins dix fois au
/// cours des douze derniers mois »); HATVP, Répertoire des représentants d'intérêts : lignes directrices (a communication is
/// an exchange with the official: a meeting, a call that got through, a letter, an e-mail, a named public interpellation;
/// arranging, holding and reporting one meeting are one action).
/// <list type="number">
/// <item>Only outbound contacts count: an inbound message alone is not a communication at the organisation's initiative.</item>
/// <item>A call that did not get through, a message left unanswered, an automatic reply or a non-delivery report do not
/// count; nor does an e-mail that bounced (the follow-up it was got a non-delivery report).</item>
/// <item>A meeting, a call that got through, a letter, an e-mail (a follow-up sent is an e-mail), a named public
/// interpellation (channel social), the hand-over of a petition, and a conversation at an event count.</item>
/// <item>The official must hold, on the day, a mandate of a register category (<see cref="RegisterCategories.OfOfficial"/>).</item>
/// <item>One meeting is one action. Meeting rows are those of channel meeting or of outcome meeting_set or met. For one
/// organisation and one official, the first meeting row that counts opens the meeting; until the meeting is held (a row of
/// outcome met, or of channel meeting other than meeting_set) every meeting row within <see cref="ArrangingDays"/> days
/// belongs to it, and once held, meeting rows within <see cref="ReportingDays"/> days after are its report. They are
/// shown as « même réunion que #id ».</item>
/// </list>
/// The rule reads rows in C# only (a meeting depends on the rows before it): totals in SQL are for tests, never for the product.
/// </summary>
public static class CountingRule
{
    public const int ArrangingDays = 120;
    public const int ReportingDays = 7;

    public const string Meeting = "meeting";
    public const string Call = "call";
    public const string Letter = "letter";
    public const string Email = "email";
    public const string PublicInterpellation = "public_interpellation";
    public const string PetitionHandover = "petition_handover";
    public const string Event = "event";

    /// <summary>The types of action, as the declaration names them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ActionLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Meeting] = "Réunion ou rendez-vous",
        [Call] = "Appel téléphonique",
        [Letter] = "Courrier",
        [Email] = "Courriel",
        [PublicInterpellation] = "Interpellation publique nominative",
        [PetitionHandover] = "Remise d'une pétition",
        [Event] = "Échange lors d'un événement",
    };

    private static readonly string[] MeetingOutcomes = ["meeting_set", "met"];

    /// <summary>Judges every row, in the order of time; <paramref name="mandates"/> are the officials' mandates, any date.</summary>
    public static IReadOnlyList<RegisterVerdict> Explain(IEnumerable<RegisterRow> rows, ILookup<long, RegisterMandate> mandates)
    {
        ArgumentNullException.ThrowIfNull(mandates);
        var ordered = rows.OrderBy(r => r.OccurredUtc).ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
        var meetings = new Dictionary<(long, long), OpenMeeting>();
        var verdicts = new List<RegisterVerdict>(ordered.Count);
        foreach (var row in ordered)
        {
            var verdict = Judge(row, mandates[row.OfficialId]);
            if (verdict.Counts && IsMeetingRow(row))
            {
                verdict = Meet(verdict, meetings);
            }

            verdicts.Add(verdict);
        }

        return verdicts;
    }

    /// <summary>The rule for one row on its own, before meetings are grouped.</summary>
    public static RegisterVerdict Judge(RegisterRow row, IEnumerable<RegisterMandate> mandates)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Source == RegisterRow.AutoReply)
        {
            return No(row, "automatic_reply", "réponse automatique : ce n'est pas un échange avec le responsable public");
        }

        if (row.Source == RegisterRow.Bounce)
        {
            return No(row, "bounce", "avis de non-remise : le message n'est pas parvenu");
        }

        if (row.Direction == AnswerRule.Inbound)
        {
            return No(row, "inbound_only", "message reçu seul : pas une communication à l'initiative de l'organisation");
        }

        (string? Type, string? Code, string? Why) kind = (row.Channel, row.Outcome) switch
        {
            ("phone", "left_message") => (null, "call_not_answered", "appel sans réponse (message laissé)"),
            ("phone", "unreachable" or "sent") => (null, "call_not_answered", "appel qui n'a pas abouti"),
            (_, "left_message") => (null, "message_left", "message laissé sans réponse"),
            (_, "unreachable") => (null, "unreachable", "responsable public injoignable"),
            ("email", _) when row.Bounced => (null, "bounced_email", "courriel revenu en non-remise : il n'est pas parvenu"),
            ("event", "sent") => (null, "event_not_reached", "événement sans échange avec le responsable public"),
            (_, var outcome) when MeetingOutcomes.Contains(outcome) => (Meeting, null, null),
            ("meeting", _) => (Meeting, null, null),
            ("phone", _) => (Call, null, null),
            ("letter", _) => (Letter, null, null),
            ("email", _) => (Email, null, null),
            ("social", _) => (PublicInterpellation, null, null),
            ("petition_handover", _) => (PetitionHandover, null, null),
            ("event", _) => (Event, null, null),
            _ => (null, "unknown_channel", $"canal {row.Channel} inconnu de la règle"),
        };
        if (kind.Type is not { } type)
        {
            return No(row, kind.Code!, kind.Why!);
        }

        var (category, why) = RegisterCategories.OfOfficial(mandates, row.Day);
        if (category is null)
        {
            return No(row, why.Contains("1er juillet 2022", StringComparison.Ordinal) ? "local_before_2022" : "official_not_covered",
                $"responsable public hors du répertoire ({why})");
        }

        var what = type == Email && row.FollowUpId is { } f ? $"courriel (relance n° {f} envoyée)" : ActionLabels[type].ToLowerInvariant();
        return new RegisterVerdict(row, true, type, $"Compte : {what} avec {why} ({category.Source})", type, category);
    }

    private static bool IsMeetingRow(RegisterRow row) => row.Channel == "meeting" || MeetingOutcomes.Contains(row.Outcome);

    private static bool Holds(RegisterRow row) => row.Outcome == "met" || (row.Channel == "meeting" && row.Outcome != "meeting_set");

    private static RegisterVerdict Meet(RegisterVerdict verdict, Dictionary<(long, long), OpenMeeting> meetings)
    {
        var row = verdict.Row;
        var key = (row.OrganisationId, row.OfficialId);
        if (meetings.TryGetValue(key, out var open) && open.Takes(row))
        {
            if (open.HeldOn is null && Holds(row))
            {
                meetings[key] = open with { HeldOn = row.Day };
            }

            return verdict with
            {
                Counts = false,
                Code = "same_meeting",
                Reason = $"Ne compte pas : même réunion que la ligne n° {open.FirstId} (organiser, tenir et rendre compte d'une réunion est une seule action)",
                ActionType = null,
                SameActionAs = open.FirstId,
            };
        }

        meetings[key] = new OpenMeeting(row.Id, row.Day, Holds(row) ? row.Day : null);
        return verdict;
    }

    private static RegisterVerdict No(RegisterRow row, string code, string reason) => new(row, false, code, $"Ne compte pas : {reason}", null, null);

    private sealed record OpenMeeting(long FirstId, DateOnly OpenedOn, DateOnly? HeldOn)
    {
        public bool Takes(RegisterRow row) => HeldOn is { } held
            ? row.Outcome != "meeting_set" && row.Day.DayNumber - held.DayNumber <= ReportingDays
            : row.Day.DayNumber - OpenedOn.DayNumber <= ArrangingDays;
    }
}

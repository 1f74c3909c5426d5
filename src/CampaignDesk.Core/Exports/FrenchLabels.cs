namespace CampaignDesk.Core.Exports;

/// <summary>
/// The French words for the codes the API speaks (<c>phone</c>, <c>left_message</c>, <c>supports</c>…), for what people
/// read outside the web pages: exports. The web pages keep the same words (<c>labels</c> in app.js).
/// </summary>
public static class FrenchLabels
{
    private static readonly Dictionary<string, string> Channels = new(StringComparer.Ordinal)
    {
        ["phone"] = "Téléphone",
        ["email"] = "E-mail",
        ["letter"] = "Courrier",
        ["meeting"] = "Rendez-vous",
        ["event"] = "Événement",
        ["social"] = "Réseaux sociaux",
        ["petition_handover"] = "Remise de pétition",
    };

    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        ["sent"] = "Envoyé",
        ["left_message"] = "Message laissé",
        ["unreachable"] = "Injoignable",
        ["spoke"] = "Échange direct",
        ["meeting_set"] = "Rendez-vous obtenu",
        ["met"] = "Rencontré·e",
        ["replied"] = "A répondu",
        ["declined"] = "Refus",
        ["handed_over"] = "Remis en main propre",
    };

    private static readonly Dictionary<string, string> Directions = new(StringComparer.Ordinal)
    {
        ["outbound"] = "Vers l'élu·e",
        ["inbound"] = "De l'élu·e",
    };

    private static readonly Dictionary<string, string> Stances = new(StringComparer.Ordinal)
    {
        ["supports"] = "Soutient",
        ["neutral"] = "Neutre",
        ["opposes"] = "S'oppose",
        ["unknown"] = "Inconnue",
    };

    public static string Channel(string code) => Channels.GetValueOrDefault(code, code);

    public static string Outcome(string code) => Outcomes.GetValueOrDefault(code, code);

    public static string Direction(string code) => Directions.GetValueOrDefault(code, code);

    public static string Stance(string code) => Stances.GetValueOrDefault(code, code);
}

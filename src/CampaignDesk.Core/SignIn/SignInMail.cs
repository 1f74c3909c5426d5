using System.Globalization;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.SignIn;

/// <summary>
/// The French e-mails that carry a sign-in link, and the link itself: the sign-in page, the page to land on, and the
/// secret in the fragment (<c>#lien=</c>), which browsers never send to a server, so no access log or proxy holds it.
/// </summary>
public static class SignInMail
{
    public const string SignInPage = "/app/connexion.html";

    /// <summary>Where an invitation lands: a volunteer's tasks, everyone else's home page.</summary>
    public static string InvitationLanding(string role) => role == UserRoles.Volunteer ? "/app/taches.html" : "/app/";

    public static string Link(Uri baseUrl, string secret, string? returnTo) =>
        $"{baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')}{SignInPage}{(returnTo is null ? "" : "?retour=" + Uri.EscapeDataString(returnTo))}#lien={secret}";

    public static OutgoingMail Invitation(MailOptions from, long linkId, string url, Uri baseUrl, string inviter, string displayName, string email,
        string role, IReadOnlyList<string> organisations, DateTime expiresUtc) => new(
        $"invitation-{linkId}", new MailAddress(from.From, from.FromName), [new MailAddress(email, displayName)],
        "Invitation à rejoindre CampaignDesk",
        $"""
        Bonjour {displayName},

        {inviter} vous invite sur CampaignDesk, l'outil de la coalition pour suivre les contacts avec les élus, {RolePhrase(role)}{For(organisations)}.

        Pour vous connecter sur cet appareil, ouvrez ce lien :

        {url}

        Il ne sert qu'une fois et reste valable jusqu'au {When(expiresUtc)}. Ensuite, demandez un nouveau lien sur la page de connexion ({PageOf(baseUrl)}) avec cette adresse e-mail.

        Vous ne vous attendiez pas à cette invitation ? Ignorez ce message : sans clic sur le lien, rien ne se passe.

        — CampaignDesk
        """);

    public static OutgoingMail SignInLink(MailOptions from, long linkId, string url, string displayName, string email, TimeSpan lifetime,
        DateTime expiresUtc) => new(
        $"sign-in-link-{linkId}", new MailAddress(from.From, from.FromName), [new MailAddress(email, displayName)],
        "Votre lien de connexion à CampaignDesk",
        $"""
        Bonjour {displayName},

        Voici votre lien pour vous connecter à CampaignDesk sur cet appareil :

        {url}

        Il ne sert qu'une fois et reste valable {Duration(lifetime)}, jusqu'au {When(expiresUtc)}.

        Vous n'avez pas demandé ce lien ? Ignorez ce message : sans clic sur le lien, personne ne se connecte à votre place.

        — CampaignDesk
        """);

    private static string PageOf(Uri baseUrl) => baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + SignInPage;

    private static string RolePhrase(string role) => role switch
    {
        UserRoles.Admin => "pour l'administrer",
        UserRoles.Coordinator => "pour coordonner",
        UserRoles.Volunteer => "comme bénévole",
        _ => "en lecture seule",
    };

    private static string For(IReadOnlyList<string> organisations) => organisations.Count switch
    {
        0 => "",
        1 => $" pour « {organisations[0]} »",
        _ => " pour " + string.Join(", ", organisations.SkipLast(1).Select(o => $"« {o} »")) + $" et « {organisations[^1]} »",
    };

    /// <summary>« 5 mars 2026 à 14 h 30 (heure de Paris) ».</summary>
    internal static string When(DateTime utc)
    {
        var paris = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ParisTime.Zone);
        return string.Create(CultureInfo.InvariantCulture, $"{FrenchDates.LongForm(DateOnly.FromDateTime(paris))} à {paris:HH} h {paris:mm} (heure de Paris)");
    }

    internal static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? Plural((int)span.TotalDays, "jour")
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? Plural((int)span.TotalHours, "heure")
        : Plural((int)Math.Ceiling(span.TotalMinutes), "minute");

    private static string Plural(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n > 1 ? "s" : "")}");
}

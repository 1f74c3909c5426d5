using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CampaignDesk.Api.Auth;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Api.Users;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.SignIn;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignDesk.Api.SignIn;

public sealed record LinkRequest(string? Email, string? ReturnTo = null);

public sealed record LinkRequested(string Message);

public sealed record SessionRequest(string? Link);

/// <summary>
/// The session a link opened: its cookies are set; <c>User.Session.CsrfToken</c> goes in X-CSRF-Token on writes;
/// <see cref="ReturnTo"/> is where the person lands when the page asked for none.
/// </summary>
public sealed record SessionStarted(CurrentUser User, DateTime ExpiresUtc, string ReturnTo);

/// <summary>One of « Mes appareils »; <see cref="Current"/> is the one this request came from.</summary>
public sealed record DeviceSession(long Id, string Device, string SignedInWith, DateTime CreatedUtc, DateTime LastSeenUtc, DateTime ExpiresUtc,
    bool Current);

public sealed record SessionsEnded(int Ended);

public static partial class SignInApi
{
    /// <summary>What « Recevoir un lien de connexion » answers, whether the address is a user's or not.</summary>
    public const string LinkRequestedMessage =
        "Si cette adresse est celle d'un compte CampaignDesk actif, un lien de connexion vient d'y être envoyé. Ouvrez-le sur cet appareil.";

    public static IServiceCollection AddCampaignDeskSignIn(this IServiceCollection services)
    {
        services.AddSingleton<LinkRequestThrottle>();
        services.AddSingleton<LinkSender>();
        services.AddHostedService(provider => provider.GetRequiredService<LinkSender>());
        return services;
    }

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder routes)
    {
        var signIn = routes.MapGroup("/api/sign-in").WithTags("Sign-in");
        signIn.MapPost("/link", RequestLink).AllowAnonymous()
            .WithSummary("« Recevoir un lien de connexion »: e-mails a one-time link to a known, enabled address; the same 202 either way.");
        signIn.MapPost("/session", StartSessionAsync).AllowAnonymous()
            .WithSummary("Uses a sign-in link (once) and opens a browser session: HttpOnly cookie, and the anti-CSRF token to send on writes.");

        var mine = routes.MapGroup("/api/me/sessions").WithTags("Sign-in").RequireAuthorization();
        mine.MapGet("/", ListAsync).WithSummary("« Mes appareils »: the caller's open browser sessions.");
        mine.MapDelete("/{id:long}", EndAsync).WithSummary("« Déconnecter cet appareil »: ends one of the caller's sessions (the current one: signing out).");
        routes.MapDelete("/api/users/{id:long}/sessions", EndUserSessionsAsync).WithTags("Users").RequireAuthorization()
            .WithSummary("Ends every browser session of a user (a lost phone): the user, an admin, or a coordinator of the volunteer.");
        return routes;
    }

    private static Results<Accepted<LinkRequested>, ProblemHttpResult> RequestLink(LinkRequest input, HttpContext context, LinkRequestThrottle throttle,
        LinkSender queue, PublicUrl publicUrl)
    {
        var email = input.Email?.Trim() ?? "";
        if (email.Length is 0 or > 254 || !email.Contains('@'))
        {
            return Problems.Invalid("email", Messages.SignInEmailRequired);
        }

        if (throttle.TryAcquire(email, context.Connection.RemoteIpAddress?.ToString()) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problems.Problem(StatusCodes.Status429TooManyRequests, Messages.SignInLinksThrottledTitle,
                Messages.SignInLinksThrottled.With(minutes, minutes > 1 ? "s" : ""));
        }

        queue.Enqueue(new LinkRequestWork(email, publicUrl.ForLinks(context.Request), ReturnTo(input.ReturnTo)));
        return TypedResults.Accepted((string?)null, new LinkRequested(LinkRequestedMessage));
    }

    private static async Task<Results<Ok<SessionStarted>, ProblemHttpResult>> StartSessionAsync(SessionRequest input, HttpContext context,
        SignInService signIn, CancellationToken cancellationToken)
    {
        var outcome = await signIn.StartSessionAsync(input.Link, DeviceLabel.From(context.Request.Headers.UserAgent), cancellationToken);
        if (!outcome.IsOk)
        {
            return Problems.Of(outcome, "Link", 0);
        }

        var (secret, session, caller) = outcome.Value!;
        var csrf = SignInSecrets.CsrfToken(secret);
        SessionCookies.Write(context, secret, csrf, session.ExpiresUtc);
        var user = new CurrentUser(caller.UserId, caller.Name, caller.DisplayName, caller.Role, [.. caller.OrganisationIds.Order()],
            new CurrentSession(session.Id, csrf));
        return TypedResults.Ok(new SessionStarted(user, session.ExpiresUtc, SignInMail.InvitationLanding(caller.Role)));
    }

    private static async Task<Ok<IReadOnlyList<DeviceSession>>> ListAsync(Caller caller, ClaimsPrincipal principal, SignInService signIn,
        CancellationToken cancellationToken)
    {
        var current = SessionAuthenticationHandler.Of(principal)?.Id;
        var sessions = await signIn.ListSessionsAsync(caller, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DeviceSession>>([.. sessions.Select(s =>
            new DeviceSession(s.Id, s.Device, s.SignedInWith, s.CreatedUtc, s.LastSeenUtc, s.ExpiresUtc, s.Id == current))]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(long id, Caller caller, HttpContext context, SignInService signIn,
        CancellationToken cancellationToken)
    {
        var outcome = await signIn.EndSessionAsync(caller, id, cancellationToken);
        if (!outcome.IsOk)
        {
            return Problems.Of(outcome, "Session", id);
        }

        if (SessionAuthenticationHandler.Of(context.User)?.Id == id)
        {
            SessionCookies.Clear(context);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SessionsEnded>, ProblemHttpResult>> EndUserSessionsAsync(long id, Caller caller, HttpContext context,
        SignInService signIn, CancellationToken cancellationToken)
    {
        var outcome = await signIn.EndUserSessionsAsync(caller, id, cancellationToken);
        if (!outcome.IsOk)
        {
            return Problems.Of(outcome, "User", id);
        }

        if (caller.UserId == id && SessionAuthenticationHandler.Of(context.User) is not null)
        {
            SessionCookies.Clear(context);
        }

        return TypedResults.Ok(new SessionsEnded(outcome.Value));
    }

    /// <summary>A page of the application to land on, or null: never another site (no open redirect), never the sign-in page.</summary>
    internal static string? ReturnTo(string? path) =>
        path is { Length: <= 300 } && ReturnPath().IsMatch(path) && !path.StartsWith(SignInMail.SignInPage, StringComparison.Ordinal) ? path : null;

    [GeneratedRegex(@"^/app/[\w./?=&%-]*$")]
    private static partial Regex ReturnPath();
}

using System.Globalization;
using System.Security.Claims;
using CampaignDesk.Core.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Api.Auth;

/// <summary>
/// Turns a valid Entra ID token into the CampaignDesk user it belongs to, so every authorization rule applies as
/// to a CampaignDesk token. A token without a (usable) user fails with the reason in the challenge.
/// </summary>
internal sealed class EntraEvents(CallerLookup callers, IOptions<EntraOptions> options, ILogger<EntraEvents> logger) : JwtBearerEvents
{
    public const string SchemeName = "Entra";

    // Both the short names (MapInboundClaims off) and the long ones the JWT handlers map them to.
    private static readonly string[] ObjectIdClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];
    // Not the "email" claim: a user (or a guest's home tenant) may set it to anything; the UPN is the tenant's.
    private static readonly string[] EmailClaims = ["preferred_username", "upn", ClaimTypes.Upn];

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var token = context.Principal!;
        var objectId = ObjectIdClaims.Select(token.FindFirstValue).FirstOrDefault(v => v is not null);
        if (Guid.TryParse(options.Value.TenantId, out var tenant) && !(Guid.TryParse(token.FindFirstValue("tid"), out var tid) && tid == tenant))
        {
            Refuse(context, objectId, "The token is from another Entra tenant.");
            return;
        }

        var emails = EmailClaims.Select(token.FindFirstValue).OfType<string>().Where(e => e.Contains('@'))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var match = await callers.FindByEntraAsync(objectId, emails, context.HttpContext.RequestAborted);
        switch (match.Status)
        {
            case CallerMatchStatus.Found:
                var id = match.Caller!.UserId!.Value.ToString(CultureInfo.InvariantCulture);
                context.Principal = CallerClaims.ToPrincipal(match.Caller, "user:" + id, SchemeName);
                return;
            case CallerMatchStatus.Disabled:
                Refuse(context, objectId, "The user is disabled.");
                return;
            case CallerMatchStatus.LinkedToAnotherAccount:
                Refuse(context, objectId, "The CampaignDesk user with this e-mail is linked to another Entra account.");
                return;
            default:
                Refuse(context, objectId, "No CampaignDesk user for this Entra account.");
                return;
        }
    }

    /// <summary>JwtBearer describes only its own token errors (expired, audience, signature); this says ours too.</summary>
    public override Task Challenge(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is EntraRefusal refusal)
        {
            context.ErrorDescription = refusal.Message;
        }

        return Task.CompletedTask;
    }

    private void Refuse(TokenValidatedContext context, string? objectId, string reason)
    {
        // The object id says which account to look at; the token itself is never logged.
        logger.LogInformation("Entra sign-in refused for object id {ObjectId}: {Reason}", objectId, reason);
        context.Fail(new EntraRefusal(reason));
    }

    private sealed class EntraRefusal(string message) : Exception(message);
}

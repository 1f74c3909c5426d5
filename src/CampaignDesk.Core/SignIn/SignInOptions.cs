using Microsoft.Extensions.Options;

namespace CampaignDesk.Core.SignIn;

/// <summary>How long links and browser sessions last, and how often a link may be asked for (Auth:SignIn).</summary>
public sealed class SignInOptions
{
    public const string SectionName = "Auth:SignIn";

    /// <summary>How long an invitation's link may be used (once).</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a link sent by « Recevoir un lien de connexion » may be used (once).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A browser session unused this long ends; each use pushes its end back (sliding).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>However much it is used, a session ends this long after it began: then a new link signs in again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Links one address may be sent per <see cref="LinkRequestWindow"/>, whether it is a user's or not.</summary>
    public int LinksPerAddress { get; set; } = 3;

    /// <summary>Links one IP address may ask for per <see cref="LinkRequestWindow"/>, whatever the addresses.</summary>
    public int LinksPerIp { get; set; } = 10;

    public TimeSpan LinkRequestWindow { get; set; } = TimeSpan.FromHours(1);

    internal static string? Check(SignInOptions o) =>
        o.InvitationLifetime < TimeSpan.FromMinutes(5) || o.InvitationLifetime > TimeSpan.FromDays(30) ? "Auth:SignIn:InvitationLifetime must be between 00:05:00 and 30.00:00:00."
        : o.LinkLifetime < TimeSpan.FromMinutes(1) || o.LinkLifetime > TimeSpan.FromDays(1) ? "Auth:SignIn:LinkLifetime must be between 00:01:00 and 1.00:00:00."
        : o.SessionIdleTimeout < TimeSpan.FromMinutes(5) || o.SessionIdleTimeout > o.SessionLifetime ? "Auth:SignIn:SessionIdleTimeout must be at least 00:05:00 and at most SessionLifetime."
        : o.SessionLifetime > TimeSpan.FromDays(400) ? "Auth:SignIn:SessionLifetime must be at most 400 days (browsers cap cookies there)."
        : o.LinksPerAddress < 1 || o.LinksPerIp < 1 || o.LinkRequestWindow < TimeSpan.FromMinutes(1) ? "Auth:SignIn: LinksPerAddress and LinksPerIp must be at least 1, LinkRequestWindow at least 00:01:00."
        : null;
}

internal sealed class SignInOptionsValidator : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options) =>
        SignInOptions.Check(options) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
}

using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Users;

/// <summary>A user's access: the API tokens and the calendar feed address, managed by whoever manages the user (<see cref="UserRules"/>).</summary>
public sealed partial class UserService
{
    public Task<Outcome<IssuedToken>> IssueTokenAsync(Caller caller, long userId, string? name, int? expiresInDays,
        CancellationToken cancellationToken)
    {
        var errors = new Errors();
        name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim();
        if (name.Length > 100 || name.Any(char.IsControl))
        {
            errors.Add("name", Messages.TokenNameInvalid);
        }

        var days = expiresInDays ?? DefaultTokenDays;
        if (days is < 1 or > MaxTokenDays)
        {
            errors.Add("expiresInDays", Messages.TokenLifetime, MaxTokenDays);
        }

        return errors.Any
            ? Task.FromResult(Outcome<IssuedToken>.Invalid(errors))
            : ManageAsync(caller, userId, async (session, user) =>
            {
                if (!UserRules.MayControlAccess(caller, user))
                {
                    return Outcome<IssuedToken>.Forbidden(Messages.TokenIssueForbidden);
                }

                if (await tokens.LiveCountAsync(session, user.Id) >= MaxLiveTokens)
                {
                    return Outcome<IssuedToken>.Conflict(Messages.TokensTooMany.With(MaxLiveTokens));
                }

                var expires = time.GetUtcNow().UtcDateTime.AddDays(days);
                var issued = await tokens.IssueAsync(session, user.Id, AccessTokens.Api, name, expires);
                await audit.RecordAsync(session, caller, "create", "access_token", issued.Info.Id, null, null, issued.Info);
                return Outcome<IssuedToken>.Ok(issued);
            }, cancellationToken);
    }

    public async Task<Outcome<IReadOnlyList<AccessToken>>> ListTokensAsync(Caller caller, long userId, CancellationToken cancellationToken)
    {
        var user = await store.GetAsync(userId, cancellationToken);
        if (user is null || !UserRules.MaySee(caller, user))
        {
            return Outcome<IReadOnlyList<AccessToken>>.NotFound();
        }

        return UserRules.MayManage(caller, user)
            ? Outcome<IReadOnlyList<AccessToken>>.Ok(await tokens.ListAsync(userId, cancellationToken))
            : Outcome<IReadOnlyList<AccessToken>>.Forbidden(Messages.TokensSeeForbidden);
    }

    public Task<Outcome<AccessToken>> RevokeTokenAsync(Caller caller, long userId, long tokenId, CancellationToken cancellationToken) =>
        ManageAsync(caller, userId, async (session, user) =>
        {
            var before = await tokens.GetAsync(session, userId, tokenId);
            if (before is null)
            {
                return Outcome<AccessToken>.NotFound();
            }

            await tokens.RevokeAsync(session, userId, before.Purpose, tokenId);
            var after = (await tokens.GetAsync(session, userId, tokenId))!;
            if (before.RevokedUtc is null)
            {
                await audit.RecordAsync(session, caller, "revoke", "access_token", tokenId, null, before, after);
            }

            return Outcome<AccessToken>.Ok(after);
        }, cancellationToken);

    /// <summary>A new secret calendar feed address for the user; the previous one stops working.</summary>
    public Task<Outcome<IssuedToken>> RenewCalendarAsync(Caller caller, long userId, CancellationToken cancellationToken) =>
        ManageAsync(caller, userId, async (session, user) =>
        {
            if (!UserRules.MayControlAccess(caller, user))
            {
                return Outcome<IssuedToken>.Forbidden(Messages.TokenIssueForbidden);
            }

            await tokens.RevokeAsync(session, userId, AccessTokens.Calendar, null);
            var issued = await tokens.IssueAsync(session, userId, AccessTokens.Calendar, "calendar", null);
            await audit.RecordAsync(session, caller, "create", "calendar_feed", issued.Info.Id, null, null, issued.Info);
            return Outcome<IssuedToken>.Ok(issued);
        }, cancellationToken);

    public Task<Outcome<int>> RevokeCalendarAsync(Caller caller, long userId, CancellationToken cancellationToken) =>
        ManageAsync(caller, userId, async (session, user) =>
        {
            var revoked = await tokens.RevokeAsync(session, userId, AccessTokens.Calendar, null);
            if (revoked > 0)
            {
                await audit.RecordAsync(session, caller, "revoke", "calendar_feed", userId, null, null, null);
            }

            return Outcome<int>.Ok(revoked);
        }, cancellationToken);

    private Task<Outcome<T>> ManageAsync<T>(Caller caller, long userId,
        Func<DbSession, User, Task<Outcome<T>>> work, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            var user = await store.GetAsync(session, userId);
            if (user is null || !UserRules.MaySee(caller, user))
            {
                return Outcome<T>.NotFound();
            }

            return UserRules.MayManage(caller, user)
                ? await work(session, user)
                : Outcome<T>.Forbidden(Messages.TokensManageForbidden);
        }, cancellationToken);
}

using CampaignDesk.Core.Common;

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
            : ManageAsync(caller, userId, async (connection, transaction, user) =>
            {
                if (!UserRules.MayControlAccess(caller, user))
                {
                    return Outcome<IssuedToken>.Forbidden(Messages.TokenIssueForbidden);
                }

                if (await tokens.LiveCountAsync(connection, transaction, user.Id, cancellationToken) >= MaxLiveTokens)
                {
                    return Outcome<IssuedToken>.Conflict(Messages.TokensTooMany.With(MaxLiveTokens));
                }

                var expires = time.GetUtcNow().UtcDateTime.AddDays(days);
                var issued = await tokens.IssueAsync(connection, transaction, user.Id, AccessTokens.Api, name, expires, cancellationToken);
                await audit.RecordAsync(connection, transaction, caller, "create", "access_token", issued.Info.Id, null, null, issued.Info,
                    cancellationToken);
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
        ManageAsync(caller, userId, async (connection, transaction, user) =>
        {
            var before = await tokens.GetAsync(connection, transaction, userId, tokenId, cancellationToken);
            if (before is null)
            {
                return Outcome<AccessToken>.NotFound();
            }

            await tokens.RevokeAsync(connection, transaction, userId, before.Purpose, tokenId, cancellationToken);
            var after = (await tokens.GetAsync(connection, transaction, userId, tokenId, cancellationToken))!;
            if (before.RevokedUtc is null)
            {
                await audit.RecordAsync(connection, transaction, caller, "revoke", "access_token", tokenId, null, before, after, cancellationToken);
            }

            return Outcome<AccessToken>.Ok(after);
        }, cancellationToken);

    /// <summary>A new secret calendar feed address for the user; the previous one stops working.</summary>
    public Task<Outcome<IssuedToken>> RenewCalendarAsync(Caller caller, long userId, CancellationToken cancellationToken) =>
        ManageAsync(caller, userId, async (connection, transaction, user) =>
        {
            if (!UserRules.MayControlAccess(caller, user))
            {
                return Outcome<IssuedToken>.Forbidden(Messages.TokenIssueForbidden);
            }

            await tokens.RevokeAsync(connection, transaction, userId, AccessTokens.Calendar, null, cancellationToken);
            var issued = await tokens.IssueAsync(connection, transaction, userId, AccessTokens.Calendar, "calendar", null, cancellationToken);
            await audit.RecordAsync(connection, transaction, caller, "create", "calendar_feed", issued.Info.Id, null, null, issued.Info,
                cancellationToken);
            return Outcome<IssuedToken>.Ok(issued);
        }, cancellationToken);

    public Task<Outcome<int>> RevokeCalendarAsync(Caller caller, long userId, CancellationToken cancellationToken) =>
        ManageAsync(caller, userId, async (connection, transaction, user) =>
        {
            var revoked = await tokens.RevokeAsync(connection, transaction, userId, AccessTokens.Calendar, null, cancellationToken);
            if (revoked > 0)
            {
                await audit.RecordAsync(connection, transaction, caller, "revoke", "calendar_feed", userId, null, null, null, cancellationToken);
            }

            return Outcome<int>.Ok(revoked);
        }, cancellationToken);

    private Task<Outcome<T>> ManageAsync<T>(Caller caller, long userId,
        Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, User, Task<Outcome<T>>> work, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            var user = await store.GetAsync(connection, transaction, userId, cancellationToken);
            if (user is null || !UserRules.MaySee(caller, user))
            {
                return Outcome<T>.NotFound();
            }

            return UserRules.MayManage(caller, user)
                ? await work(connection, transaction, user)
                : Outcome<T>.Forbidden(Messages.TokensManageForbidden);
        }, cancellationToken);
}

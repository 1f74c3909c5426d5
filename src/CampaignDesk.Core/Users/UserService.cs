using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.SignIn;

namespace CampaignDesk.Core.Users;

/// <summary>
/// Users, their organisations and their tokens, with who may do what: admins manage everyone; a coordinator sees
/// the users of their organisations and manages those organisations' volunteers; anyone manages their own tokens.
/// Every change is audited in its own transaction.
/// </summary>
public sealed class UserService(Database database, UserStore store, AccessTokens tokens, WebSessions sessions, AuditLog audit, TimeProvider time)
{
    public const int MaxOrganisations = 50;
    public const int DefaultTokenDays = 90;
    public const int MaxTokenDays = 365;
    public const int MaxLiveTokens = 20;

    public async Task<Outcome<User>> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        var user = await store.GetAsync(id, cancellationToken);
        return user is not null && MaySee(caller, user) ? Outcome<User>.Ok(user) : Outcome<User>.NotFound();
    }

    public async Task<Outcome<Page<User>>> SearchAsync(Caller caller, UserQuery query, CancellationToken cancellationToken)
    {
        if (!caller.CoordinatesAny)
        {
            return Outcome<Page<User>>.Forbidden("Only admins and coordinators list users.");
        }

        return Outcome<Page<User>>.Ok(await store.SearchAsync(query, caller.IsAdmin ? null : caller.OrganisationIds, cancellationToken));
    }

    public async Task<Outcome<User>> CreateAsync(Caller caller, UserFields input, CancellationToken cancellationToken)
    {
        if (!caller.CoordinatesAny)
        {
            return Outcome<User>.Forbidden("Only admins and coordinators create users.");
        }

        var errors = new Errors();
        var fields = Normalise(input, errors, creating: true);
        if (!errors.Any && !caller.IsAdmin)
        {
            if (fields.Role != UserRoles.Volunteer)
            {
                return Outcome<User>.Forbidden("A coordinator creates volunteers only; ask an admin for other roles.");
            }

            if (fields.OrganisationIds!.Any(o => !caller.Coordinates(o)))
            {
                return Outcome<User>.Forbidden("A coordinator adds volunteers to the organisations they coordinate only.");
            }

            if (fields.EntraObjectId is not null)
            {
                return Outcome<User>.Forbidden("Only an admin links a user to an Entra identity.");
            }
        }

        if (errors.Any)
        {
            return Outcome<User>.Invalid(errors);
        }

        return await database.TransactAsync(async (connection, transaction) =>
        {
            if (await database.RequireRowsAsync(connection, transaction, "organisations", fields.OrganisationIds!, "organisationIds", errors, cancellationToken))
            {
                return Outcome<User>.Invalid(errors);
            }

            var id = await store.InsertAsync(connection, transaction, fields, cancellationToken);
            if (id is null)
            {
                return Outcome<User>.Conflict($"A user with the e-mail {fields.Email} (or this Entra object id) already exists.");
            }

            var user = (await store.GetAsync(connection, transaction, id.Value, cancellationToken))!;
            await audit.RecordAsync(connection, transaction, caller, "create", "user", id, null, null, user, cancellationToken);
            return Outcome<User>.Ok(user);
        }, cancellationToken);
    }

    /// <summary>Changes the given fields. Admins change anything but the e-mail; a coordinator changes the name, the
    /// organisations they coordinate and the disabled flag of their volunteers; a user changes their own name.</summary>
    public async Task<Outcome<User>> UpdateAsync(Caller caller, long id, UserFields change, int? ifMatchVersion,
        CancellationToken cancellationToken) =>
        await database.TransactAsync(async (connection, transaction) =>
        {
            var current = await store.GetAsync(connection, transaction, id, cancellationToken);
            if (current is null || !MaySee(caller, current))
            {
                return Outcome<User>.NotFound();
            }

            if (ifMatchVersion is not null && ifMatchVersion != current.Version)
            {
                return Outcome<User>.Stale("user", current.Version);
            }

            var errors = new Errors();
            var fields = Normalise(change, errors, creating: false);
            if (errors.Any)
            {
                return Outcome<User>.Invalid(errors);
            }

            var updated = current with
            {
                DisplayName = fields.DisplayName ?? current.DisplayName,
                Role = fields.Role ?? current.Role,
                OrganisationIds = fields.OrganisationIds ?? current.OrganisationIds,
                EntraObjectId = fields.EntraObjectId ?? current.EntraObjectId,
                Disabled = fields.Disabled ?? current.Disabled,
            };
            if (Refusal(caller, current, updated) is { } refusal)
            {
                return Outcome<User>.Forbidden(refusal);
            }

            if (fields.Email is not null && UserStore.EmailKey(fields.Email) != UserStore.EmailKey(current.Email))
            {
                return Outcome<User>.Invalid("email", "The e-mail identifies the user and cannot be changed; create another user.");
            }

            if (RequiresOrganisation(updated.Role) && updated.OrganisationIds.Count == 0)
            {
                return Outcome<User>.Invalid("organisationIds", $"A {updated.Role} acts for at least one organisation.");
            }

            if (await database.RequireRowsAsync(connection, transaction, "organisations", updated.OrganisationIds, "organisationIds", errors, cancellationToken))
            {
                return Outcome<User>.Invalid(errors);
            }

            if (updated == current)
            {
                return Outcome<User>.Ok(current);
            }

            if (!await store.UpdateAsync(connection, transaction, updated, cancellationToken))
            {
                return Outcome<User>.Conflict("The user was changed by someone else at the same time; read it again.");
            }

            var saved = (await store.GetAsync(connection, transaction, id, cancellationToken))!;
            await audit.RecordAsync(connection, transaction, caller, "update", "user", id, null, current, saved, cancellationToken);
            if (saved.Disabled && !current.Disabled)
            {
                // Disabling someone signs them out of every browser at once, not only at their sessions' next check.
                await sessions.EndAllAsync(connection, transaction, id, cancellationToken);
            }
            return Outcome<User>.Ok(saved);
        }, cancellationToken);

    public Task<Outcome<IssuedToken>> IssueTokenAsync(Caller caller, long userId, string? name, int? expiresInDays,
        CancellationToken cancellationToken)
    {
        var errors = new Errors();
        name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim();
        if (name.Length > 100 || name.Any(char.IsControl))
        {
            errors.Add("name", "A token's name has at most 100 characters, without control characters.");
        }

        var days = expiresInDays ?? DefaultTokenDays;
        if (days is < 1 or > MaxTokenDays)
        {
            errors.Add("expiresInDays", $"A token lasts between 1 and {MaxTokenDays} days.");
        }

        return errors.Any
            ? Task.FromResult(Outcome<IssuedToken>.Invalid(errors))
            : ManageAsync(caller, userId, async (connection, transaction, user) =>
            {
                if (!MayIssueFor(caller, user))
                {
                    return Outcome<IssuedToken>.Forbidden(IssueRefusal);
                }

                if (await tokens.LiveCountAsync(connection, transaction, user.Id, cancellationToken) >= MaxLiveTokens)
                {
                    return Outcome<IssuedToken>.Conflict($"A user has at most {MaxLiveTokens} live tokens: revoke one first.");
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
        if (user is null || !MaySee(caller, user))
        {
            return Outcome<IReadOnlyList<AccessToken>>.NotFound();
        }

        return MayManage(caller, user)
            ? Outcome<IReadOnlyList<AccessToken>>.Ok(await tokens.ListAsync(userId, cancellationToken))
            : Outcome<IReadOnlyList<AccessToken>>.Forbidden("Only the user, an admin or a coordinator of their organisation sees their tokens.");
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
            if (!MayIssueFor(caller, user))
            {
                return Outcome<IssuedToken>.Forbidden(IssueRefusal);
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

    /// <summary>
    /// The command line's way to a first admin: creates the user (or makes an existing one admin and enables it)
    /// and issues a token.
    /// </summary>
    public async Task<Outcome<IssuedToken>> CreateAdminAsync(string email, CancellationToken cancellationToken)
    {
        var caller = Caller.System("create-admin");
        var existing = await store.FindAsync(null, email, cancellationToken);
        if (existing is null)
        {
            var created = await CreateAsync(caller, new UserFields(email, email.Split('@')[0], UserRoles.Admin, []), cancellationToken);
            if (!created.IsOk)
            {
                return created.As<IssuedToken>();
            }

            existing = created.Value!;
        }
        else if (existing.Role != UserRoles.Admin || existing.Disabled)
        {
            var promoted = await UpdateAsync(caller, existing.Id, new UserFields(null, null, UserRoles.Admin, null, Disabled: false), null,
                cancellationToken);
            if (!promoted.IsOk)
            {
                return promoted.As<IssuedToken>();
            }
        }

        return await IssueTokenAsync(caller, existing.Id, "create-admin", DefaultTokenDays, cancellationToken);
    }

    private Task<Outcome<T>> ManageAsync<T>(Caller caller, long userId,
        Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, User, Task<Outcome<T>>> work, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            var user = await store.GetAsync(connection, transaction, userId, cancellationToken);
            if (user is null || !MaySee(caller, user))
            {
                return Outcome<T>.NotFound();
            }

            return MayManage(caller, user)
                ? await work(connection, transaction, user)
                : Outcome<T>.Forbidden("Only the user, an admin or a coordinator of their organisation manages their tokens.");
        }, cancellationToken);

    /// <summary>Admins, the user, and the coordinators of an organisation the user acts for.</summary>
    internal static bool MaySee(Caller caller, User user) =>
        caller.IsAdmin || caller.UserId == user.Id ||
        (caller.Role == UserRoles.Coordinator && user.OrganisationIds.Any(caller.OrganisationIds.Contains));

    internal const string IssueRefusal =
        "A token acts as its user: a coordinator issues one only for a volunteer of organisations they all coordinate.";

    /// <summary>
    /// A token (or calendar secret) acts as its user, so whoever issues it could act as them: the user, an admin, or a
    /// coordinator of <em>every</em> organisation the volunteer acts for — who gains nothing they could not already do.
    /// </summary>
    internal static bool MayIssueFor(Caller caller, User user) =>
        caller.IsAdmin || caller.UserId == user.Id ||
        (caller.Role == UserRoles.Coordinator && user.Role == UserRoles.Volunteer && user.OrganisationIds.Count > 0 &&
         user.OrganisationIds.All(caller.Coordinates));

    /// <summary>Admins, the user, and the coordinators of one of a volunteer's organisations.</summary>
    internal static bool MayManage(Caller caller, User user) =>
        caller.IsAdmin || caller.UserId == user.Id ||
        (caller.Role == UserRoles.Coordinator && user.Role == UserRoles.Volunteer && user.OrganisationIds.Any(caller.OrganisationIds.Contains));

    private static string? Refusal(Caller caller, User current, User updated)
    {
        if (caller.IsAdmin)
        {
            return caller.UserId == current.Id && (updated.Role != UserRoles.Admin || updated.Disabled)
                ? "An admin cannot demote or disable themselves; ask another admin."
                : null;
        }

        var onlyName = updated with { DisplayName = current.DisplayName } == current;
        if (caller.UserId == current.Id && onlyName)
        {
            return null;
        }

        if (!MayManage(caller, current) || caller.UserId == current.Id)
        {
            return "Only an admin changes this user's role, organisations or access.";
        }

        if (updated.Role != current.Role || updated.EntraObjectId != current.EntraObjectId)
        {
            return "Only an admin changes a user's role or Entra identity.";
        }

        var outside = (IEnumerable<long> ids) => ids.Where(o => !caller.Coordinates(o)).Order();
        return outside(updated.OrganisationIds).SequenceEqual(outside(current.OrganisationIds))
            ? null
            : "A coordinator adds or removes only the organisations they coordinate.";
    }

    private static bool RequiresOrganisation(string role) => role is UserRoles.Coordinator or UserRoles.Volunteer;


    private static UserFields Normalise(UserFields input, Errors errors, bool creating)
    {
        var email = input.Email?.Trim();
        if (email is null ? creating : !IsEmail(email))
        {
            errors.Add("email", "An e-mail address such as prenom.nom@example.org is required (at most 254 characters).");
        }

        var name = input.DisplayName?.Trim();
        if (name is null ? creating : name.Length is 0 or > 200 || name.Any(char.IsControl))
        {
            errors.Add("displayName", "A name of 1 to 200 characters, without control characters, is required.");
        }

        var role = input.Role?.Trim().ToLowerInvariant();
        if (role is null ? creating : !UserRoles.All.Contains(role))
        {
            errors.Add("role", $"The role is one of {string.Join(", ", UserRoles.All)}.");
        }

        var organisations = input.OrganisationIds?.Distinct().ToList();
        if (organisations is { Count: > MaxOrganisations })
        {
            errors.Add("organisationIds", $"A user acts for at most {MaxOrganisations} organisations.");
        }

        if (creating && role is not null && RequiresOrganisation(role) && organisations is not { Count: > 0 })
        {
            errors.Add("organisationIds", $"A {role} acts for at least one organisation.");
        }

        var entra = input.EntraObjectId?.Trim();
        if (entra is not null && !Guid.TryParse(entra, out _))
        {
            errors.Add("entraObjectId", "The Entra object id is a GUID (the user's « ID d'objet » in Entra ID).");
        }

        return new UserFields(email, name, role, creating ? organisations ?? [] : organisations, entra?.ToLowerInvariant(), input.Disabled);
    }

    internal static bool IsEmail(string email) =>
        email.Length is > 2 and <= 254 && email.Count(c => c == '@') == 1 && email.IndexOf('@') is > 0 && !email.EndsWith('@') &&
        !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ',' or ';');
}

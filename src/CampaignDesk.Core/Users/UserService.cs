using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.SignIn;

namespace CampaignDesk.Core.Users;

/// <summary>
/// Users, their organisations and their tokens, with who may do what (<see cref="UserRules"/>): admins manage everyone;
/// a coordinator sees the users of their organisations and manages those organisations' volunteers; anyone manages their
/// own tokens. Every change is audited in its own transaction.
/// </summary>
public sealed partial class UserService(Database database, UserStore store, AccessTokens tokens, WebSessions sessions, AuditLog audit, TimeProvider time)
{
    public const int MaxOrganisations = 50;
    public const int DefaultTokenDays = 90;
    public const int MaxTokenDays = 365;
    public const int MaxLiveTokens = 20;

    public async Task<Outcome<User>> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        var user = await store.GetAsync(id, cancellationToken);
        return user is not null && UserRules.MaySee(caller, user) ? Outcome<User>.Ok(UserRules.ViewFor(caller, user)) : Outcome<User>.NotFound();
    }

    public async Task<Outcome<Page<User>>> SearchAsync(Caller caller, UserQuery query, CancellationToken cancellationToken)
    {
        if (!caller.CoordinatesAny)
        {
            return Outcome<Page<User>>.Forbidden(Messages.UsersListForbidden);
        }

        // A coordinator's filter by organisation stays within their own: it would otherwise tell where else their volunteers act.
        if (!caller.IsAdmin && query.OrganisationId is { } organisation && !caller.OrganisationIds.Contains(organisation))
        {
            return Outcome<Page<User>>.Ok(new Page<User>([], 0));
        }

        var page = await store.SearchAsync(query, caller.IsAdmin ? null : caller.OrganisationIds, cancellationToken);
        return Outcome<Page<User>>.Ok(page with { Items = [.. page.Items.Select(user => UserRules.ViewFor(caller, user))] });
    }

    public async Task<Outcome<User>> CreateAsync(Caller caller, UserFields input, CancellationToken cancellationToken)
    {
        if (!caller.CoordinatesAny)
        {
            return Outcome<User>.Forbidden(Messages.UsersCreateForbidden);
        }

        var errors = new Errors();
        var fields = UserRules.Normalise(input, errors, creating: true);
        if (!errors.Any && !caller.IsAdmin)
        {
            if (fields.Role != UserRoles.Volunteer)
            {
                return Outcome<User>.Forbidden(Messages.CoordinatorCreatesVolunteers);
            }

            if (fields.OrganisationIds!.Any(o => !caller.Coordinates(o)))
            {
                return Outcome<User>.Forbidden(Messages.CoordinatorOwnOrganisations);
            }

            if (fields.EntraObjectId is not null)
            {
                return Outcome<User>.Forbidden(Messages.EntraLinkByAdmins);
            }
        }

        if (errors.Any)
        {
            return Outcome<User>.Invalid(errors);
        }

        return await database.WriteAsync(async session =>
        {
            if (await session.RequireRowsAsync("organisations", fields.OrganisationIds!, "organisationIds", errors))
            {
                return Outcome<User>.Invalid(errors);
            }

            if (!caller.IsAdmin && await store.FindByEmailAsync(session, fields.Email!) is { } existing)
            {
                return await JoinAsync(session, caller, existing, fields.OrganisationIds!);
            }

            var id = await store.InsertAsync(session, fields);
            if (id is null)
            {
                return Outcome<User>.Conflict(Messages.UserExists.With(fields.Email));
            }

            var user = (await store.GetAsync(session, id.Value))!;
            await audit.RecordAsync(session, caller, "create", "user", id, null, null, user);
            return Outcome<User>.Ok(UserRules.ViewFor(caller, user));
        }, cancellationToken);
    }

    /// <summary>Changes the given fields. Admins change anything but the e-mail; a coordinator changes the name, the
    /// organisations they coordinate and the disabled flag of their volunteers; a user changes their own name.</summary>
    public async Task<Outcome<User>> UpdateAsync(Caller caller, long id, UserFields change, int? ifMatchVersion,
        CancellationToken cancellationToken) =>
        await database.WriteAsync(async session =>
        {
            var current = await store.GetAsync(session, id);
            if (current is null || !UserRules.MaySee(caller, current))
            {
                return Outcome<User>.NotFound();
            }

            if (ifMatchVersion is not null && ifMatchVersion != current.Version)
            {
                return Outcome<User>.Stale(Messages.UserStale.With(current.Version));
            }

            var errors = new Errors();
            var fields = UserRules.Normalise(change, errors, creating: false);
            if (errors.Any)
            {
                return Outcome<User>.Invalid(errors);
            }

            var updated = UserRules.Apply(caller, current, fields);
            if (UserRules.Refusal(caller, current, updated) is { } refusal)
            {
                return Outcome<User>.Forbidden(refusal);
            }

            if (fields.Email is not null && UserStore.EmailKey(fields.Email) != UserStore.EmailKey(current.Email))
            {
                return Outcome<User>.Invalid("email", Messages.EmailImmutable);
            }

            if (UserRules.RequiresOrganisation(updated.Role) && updated.OrganisationIds.Count == 0)
            {
                return Outcome<User>.Invalid("organisationIds", Messages.RoleNeedsOrganisation, updated.Role);
            }

            if (await session.RequireRowsAsync("organisations", updated.OrganisationIds, "organisationIds", errors))
            {
                return Outcome<User>.Invalid(errors);
            }

            if (updated == current)
            {
                return Outcome<User>.Ok(UserRules.ViewFor(caller, current));
            }

            if (!await store.UpdateAsync(session, updated))
            {
                return Outcome<User>.Conflict(Messages.UserChangedConcurrently);
            }

            var saved = (await store.GetAsync(session, id))!;
            await audit.RecordAsync(session, caller, "update", "user", id, null, current, saved);
            if (saved.Disabled && !current.Disabled)
            {
                // Disabling someone signs them out of every browser at once, not only at their sessions' next check.
                await sessions.EndAllAsync(session, id);
            }
            return Outcome<User>.Ok(UserRules.ViewFor(caller, saved));
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

    /// <summary>
    /// A coordinator adding someone who already has an account: an active volunteer joins the coordinator's organisations,
    /// and the answer is the one a new address gets — the user as the coordinator may see them, never their other
    /// organisations. An address of any other account (an admin, a coordinator, an observer, someone disabled) is not the
    /// coordinator's to add; the refusal says so without saying whose it is.
    /// </summary>
    private async Task<Outcome<User>> JoinAsync(DbSession session, Caller caller, User existing, IReadOnlyList<long> organisations)
    {
        var joined = existing with { OrganisationIds = [.. existing.OrganisationIds.Union(organisations).Order()] };
        if (existing.Role != UserRoles.Volunteer || existing.Disabled || joined.OrganisationIds.Count > MaxOrganisations)
        {
            return Outcome<User>.Conflict(Messages.AddressNotForCoordinators);
        }

        if (joined.OrganisationIds.SequenceEqual(existing.OrganisationIds))
        {
            return Outcome<User>.Ok(UserRules.ViewFor(caller, existing));
        }

        if (!await store.UpdateAsync(session, joined))
        {
            return Outcome<User>.Conflict(Messages.UserChangedConcurrently);
        }

        var saved = (await store.GetAsync(session, existing.Id))!;
        await audit.RecordAsync(session, caller, "update", "user", existing.Id, null, existing, saved);
        return Outcome<User>.Ok(UserRules.ViewFor(caller, saved));
    }
}

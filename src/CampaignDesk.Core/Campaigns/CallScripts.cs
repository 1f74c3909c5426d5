using CampaignDesk.Core.Audit;
using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Officials;
using CampaignDesk.Core.Tasks;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Campaigns;

/// <summary>
/// What a volunteer says on the phone: one script per campaign and mandate (role), and one for every other mandate
/// (<see cref="AnyRole"/>). Everyone signed in reads them; admins and the coordinators of a participating organisation
/// write them. A task shows the script of its campaign for its official's main mandate.
/// </summary>
public sealed class CallScripts(Database database, AuditLog audit, TimeProvider time)
{
    public const string AnyRole = "*";
    public const int MaxLength = 10_000;

    private static readonly string[] RoleOrder =
        [Roles.Depute, Roles.Senateur, Roles.Maire, Roles.ConseillerDepartemental, Roles.ConseillerRegional, Roles.ConseillerMunicipal,
         Roles.ConseillerArrondissement, Roles.DeputeEuropeen];

    public async Task<IReadOnlyList<CallScript>?> ListAsync(long campaignId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(database.Command("SELECT COUNT(*) FROM campaigns WHERE id = @campaignId", new { campaignId },
                cancellationToken: cancellationToken)) == 0)
        {
            return null;
        }

        return (await connection.QueryAsync<CallScript>(database.Command("""
            SELECT campaign_id, role, body, version, updated_by, updated_utc FROM campaign_scripts WHERE campaign_id = @campaignId ORDER BY role
            """, new { campaignId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Writes (or, with an empty body, removes) the script of a campaign for a role.</summary>
    public Task<Outcome<CallScript?>> SaveAsync(Caller caller, long campaignId, string role, string? body, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            if (await session.ScalarAsync<long>("SELECT COUNT(*) FROM campaigns WHERE id = @campaignId", new { campaignId }) == 0)
            {
                return Outcome<CallScript?>.NotFound();
            }

            var participants = (await session.QueryAsync<long>(
                "SELECT organisation_id FROM campaign_organisations WHERE campaign_id = @campaignId", new { campaignId })).ToList();
            if (!caller.IsAdmin && !participants.Any(caller.Coordinates))
            {
                return Outcome<CallScript?>.Forbidden(Messages.CallScriptWriteForbidden);
            }

            if (role != AnyRole && !Roles.All.Contains(role))
            {
                return Outcome<CallScript?>.Invalid("role", Messages.CallScriptRoleInvalid, Roles.All, AnyRole);
            }

            var text = body?.Trim() ?? "";
            if (text.Length > MaxLength)
            {
                return Outcome<CallScript?>.Invalid("body", Messages.CallScriptTooLong, MaxLength);
            }

            var before = await GetAsync(session, campaignId, role);
            var now = time.GetUtcNow().UtcDateTime;
            var args = new { campaignId, role, text, By = caller.DisplayName, now };
            if (text.Length == 0)
            {
                await session.ExecuteAsync("DELETE FROM campaign_scripts WHERE campaign_id = @campaignId AND role = @role", args);
            }
            else if (before is null)
            {
                await session.ExecuteAsync("""
                    INSERT INTO campaign_scripts (campaign_id, role, body, version, updated_by, updated_utc) VALUES (@campaignId, @role, @text, 1, @By, @now)
                    """, args);
            }
            else
            {
                await session.ExecuteAsync("""
                    UPDATE campaign_scripts SET body = @text, version = version + 1, updated_by = @By, updated_utc = @now
                    WHERE campaign_id = @campaignId AND role = @role
                    """, args);
            }

            var after = await GetAsync(session, campaignId, role);
            await audit.RecordAsync(session, caller, after is null ? "delete" : before is null ? "create" : "update", "campaign_script",
                $"{campaignId}:{role}", null, before, after);
            return Outcome<CallScript?>.Ok(after);
        }, cancellationToken);

    /// <summary>The tasks, each with its campaign's script for its official's main mandate (or the campaign's script for any mandate).</summary>
    public async Task<IReadOnlyList<OutreachTask>> AttachAsync(IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken)
    {
        var campaigns = tasks.Where(t => t.CampaignId is not null).Select(t => t.CampaignId!.Value).Distinct().ToArray();
        if (campaigns.Length == 0)
        {
            return tasks;
        }

        var officials = tasks.Select(t => t.OfficialId).Distinct().ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        var scripts = (await connection.QueryAsync<(long CampaignId, string Role, string Body)>(database.Command(
            $"SELECT campaign_id, role, body FROM campaign_scripts WHERE {database.Dialect.InList("campaign_id", "campaigns")}", new { campaigns },
            cancellationToken: cancellationToken))).ToDictionary(s => (s.CampaignId, s.Role), s => s.Body);
        if (scripts.Count == 0)
        {
            return tasks;
        }

        var roles = (await connection.QueryAsync<(long OfficialId, string Role)>(database.Command(
            $"SELECT official_id, role FROM mandates WHERE end_date IS NULL AND {database.Dialect.InList("official_id", "officials")}", new { officials },
            cancellationToken: cancellationToken))).ToLookup(r => r.OfficialId, r => r.Role);
        return tasks.Select(task =>
        {
            if (task.CampaignId is not { } campaign)
            {
                return task;
            }

            var main = roles[task.OfficialId].OrderBy(r => Array.IndexOf(RoleOrder, r) is var i and >= 0 ? i : RoleOrder.Length).FirstOrDefault();
            var script = main is not null && scripts.TryGetValue((campaign, main), out var own) ? own : scripts.GetValueOrDefault((campaign, AnyRole));
            return task with { CallScript = script };
        }).ToList();
    }

    private static async Task<CallScript?> GetAsync(DbSession session, long campaignId, string role) =>
        await session.SingleOrDefaultAsync<CallScript>("""
            SELECT campaign_id, role, body, version, updated_by, updated_utc FROM campaign_scripts WHERE campaign_id = @campaignId AND role = @role
            """, new { campaignId, role });
}

/// <summary>A campaign's call script for one mandate (<c>role</c>; <c>*</c>: every mandate without one of its own).</summary>
public sealed record CallScript
{
    public long CampaignId { get; init; }
    public string Role { get; init; } = "";
    public string Body { get; init; } = "";
    public int Version { get; init; }
    public string UpdatedBy { get; init; } = "";
    public DateTime UpdatedUtc { get; init; }
}

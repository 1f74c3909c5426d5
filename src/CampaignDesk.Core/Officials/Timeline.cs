using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Interactions;
using CampaignDesk.Core.Positions;
using CampaignDesk.Core.Users;
using Dapper;

namespace CampaignDesk.Core.Officials;

/// <summary>One line of an official's timeline: an interaction, a position or a follow-up (at its sending or planned time).</summary>
/// <param name="WebLink">For an answer read from a mailbox: where Outlook opens the message (for those with access to that mailbox).</param>
public sealed record TimelineEntry(string Type, DateTime At, long Id, long? OrganisationId, string? OrganisationName, long? CampaignId, string Summary,
    Interaction? Interaction, Position? Position, FollowUp? FollowUp = null, string? WebLink = null);

/// <summary>
/// Everything that happened with one official, newest first, with the organisations involved — as far as the caller
/// may see: other organisations' confidential interactions are left out.
/// </summary>
public sealed class Timeline(Database database, InteractionService interactions, PositionService positions, FollowUpService followUps)
{
    public const int MaxEntries = 500;

    public async Task<IReadOnlyList<TimelineEntry>?> ForAsync(Caller caller, long officialId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long?>(database.Command("SELECT id FROM officials WHERE id = @officialId", new { officialId },
                cancellationToken: cancellationToken)) is null)
        {
            return null;
        }

        var logged = await interactions.SearchAsync(caller, new InteractionQuery(officialId, null, null, new PageRequest(1, MaxEntries)), cancellationToken);
        var stated = await positions.ForOfficialAsync(caller, officialId, null, cancellationToken);
        // Follow-ups are their organisation's business: the caller sees those of the organisations they act for.
        var planned = await followUps.SearchAsync(caller, new FollowUpQuery(null, null, null, officialId, new PageRequest(1, MaxEntries)), cancellationToken);
        var organisationIds = logged.Items.Select(i => i.OrganisationId).Concat(stated.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value))
            .Concat(planned.Items.Select(f => f.OrganisationId)).Distinct().ToArray();
        var names = organisationIds.Length == 0
            ? new Dictionary<long, string>()
            : (await connection.QueryAsync<(long Id, string Name)>(database.Command(
                $"SELECT id, name FROM organisations WHERE {database.Dialect.InList("id", "organisationIds")}", new { organisationIds },
                cancellationToken: cancellationToken))).ToDictionary(o => o.Id, o => o.Name);
        var interactionIds = logged.Items.Select(i => i.Id).ToArray();
        var links = interactionIds.Length == 0
            ? new Dictionary<long, string>()
            : (await connection.QueryAsync<(long InteractionId, string WebLink)>(database.Command($"""
                SELECT interaction_id, web_link FROM inbound_messages
                WHERE web_link IS NOT NULL AND {database.Dialect.InList("interaction_id", "interactionIds")}
                """, new { interactionIds }, cancellationToken: cancellationToken))).ToDictionary(l => l.InteractionId, l => l.WebLink);
        return logged.Items.Select(i => new TimelineEntry("interaction", i.OccurredUtc, i.Id, i.OrganisationId, names.GetValueOrDefault(i.OrganisationId),
                i.CampaignId, $"{i.Channel} ({i.Direction}) : {i.Outcome}", i, null, WebLink: links.GetValueOrDefault(i.Id)))
            .Concat(stated.Select(p => new TimelineEntry("position", p.StatedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), p.Id, p.OrganisationId,
                p.OrganisationId is { } o ? names.GetValueOrDefault(o) : null, p.CampaignId, $"{p.Kind} : {p.Stance}", null, p)))
            .Concat(planned.Items.Select(f => new TimelineEntry("followup", f.SentUtc ?? f.DueUtc, f.Id, f.OrganisationId, names.GetValueOrDefault(f.OrganisationId),
                f.CampaignId, $"{f.State} : {f.Subject}", null, null, f)))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(MaxEntries)
            .ToList();
    }
}

using CampaignDesk.Core.Common;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Users;

namespace CampaignDesk.Core.Parliament;

/// <summary>The proposals' SQL: the queue, one proposal, and its decision.</summary>
internal static class ProposalQueries
{
    private const int EvidenceLength = 2000;

    private const string Select = """
        SELECT p.id, p.campaign_id, c.title AS campaign_title, p.official_id, o.first_name, o.last_name, p.kind, p.role, p.stated_on, i.uid AS item_uid,
               i.title, i.url, i.status, i.group_label, p.excerpt, p.highlights, p.matched, p.suggested_stance, i.answer, i.answering_ministry,
               i.answered_on, p.state, p.position_id, p.decided_by
        FROM position_proposals p JOIN parliament_items i ON i.id = p.item_id JOIN campaigns c ON c.id = p.campaign_id
             JOIN officials o ON o.id = p.official_id
        """;

    /// <param name="visible">The organisations whose campaigns the caller sees; null for an admin.</param>
    public static async Task<IReadOnlyList<Proposal>> ListAsync(DbSession session, long[]? visible, long? campaignId, string state, int take) =>
        [.. (await session.QueryAsync<Row>($"""
            {Select}
            WHERE p.state = @state AND (@campaignId IS NULL OR p.campaign_id = @campaignId)
            {(visible is null ? "" : "AND p.campaign_id IN (SELECT co.campaign_id FROM campaign_organisations co WHERE "
                + session.Dialect.InList("co.organisation_id", "visible") + ")")}
            ORDER BY p.stated_on, p.id {session.Dialect.Paging}
            """, new { state, campaignId, visible, Skip = 0, Take = take })).Select(r => r.ToProposal())];

    public static async Task<Proposal?> GetAsync(DbSession session, long id) =>
        (await session.SingleOrDefaultAsync<Row>($"{Select} WHERE p.id = @id", new { id }))?.ToProposal();

    /// <summary>False when someone decided it first.</summary>
    public static async Task<bool> MarkDecidedAsync(DbSession session, Caller caller, long id, string state, long? positionId, DateTime now) =>
        await session.ExecuteAsync("""
            UPDATE position_proposals SET state = @state, position_id = @positionId, decided_by = @Name, decided_utc = @now
            WHERE id = @id AND state = 'waiting'
            """, new { state, positionId, Name = caller.DisplayName, now, id }) == 1;

    private sealed class Row
    {
        public long Id { get; init; }
        public long CampaignId { get; init; }
        public string CampaignTitle { get; init; } = "";
        public long OfficialId { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Role { get; init; } = "";
        public string StatedOn { get; init; } = "";
        public string ItemUid { get; init; } = "";
        public string Title { get; init; } = "";
        public string Url { get; init; } = "";
        public string? Status { get; init; }
        public string? GroupLabel { get; init; }
        public string Excerpt { get; init; } = "";
        public string Highlights { get; init; } = "[]";
        public string? Matched { get; init; }
        public string? SuggestedStance { get; init; }
        public string? Answer { get; init; }
        public string? AnsweringMinistry { get; init; }
        public string? AnsweredOn { get; init; }
        public string State { get; init; } = "";
        public long? PositionId { get; init; }
        public string? DecidedBy { get; init; }

        public Proposal ToProposal()
        {
            var highlights = ProposalService.Highlights(Highlights);
            var evidence = Answer is null ? null : new ProposalEvidence(AnsweringMinistry ?? "Gouvernement", IsoDate.Parse(AnsweredOn),
                Answer.Length <= EvidenceLength ? Answer : Answer[..EvidenceLength] + " …");
            return new Proposal(Id, CampaignId, CampaignTitle, OfficialId, $"{FirstName} {LastName}".Trim(), Kind, Role, IsoDate.Parse(StatedOn)!.Value,
                ItemUid, Title, Url, Status, GroupLabel, Excerpt, highlights,
                Parliament.Excerpt.ToHtml(Excerpt, highlights), Matched, SuggestedStance, evidence, State, PositionId, DecidedBy);
        }
    }
}

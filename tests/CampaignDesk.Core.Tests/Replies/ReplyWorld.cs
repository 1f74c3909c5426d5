using CampaignDesk.Core.Data;
using CampaignDesk.Core.Mail.Graph;
using CampaignDesk.Core.Replies;
using CampaignDesk.Core.Tests.FollowUps;
using CampaignDesk.Core.Tests.Mail.Graph;
using CampaignDesk.Stubs;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Tests.Replies;

/// <summary>
/// The follow-up world (Pôle santé Grenoble's mailbox, a députée with an address, a campaign) plus a Graph stub that
/// holds the mailboxes; follow-ups leave through the real Graph transport, answers come back through the real reader.
/// </summary>
internal sealed class ReplyWorld : IAsyncDisposable
{
    public const string Mailbox = "pole-sante@example.org";
    public const string DeputeeAddress = "cyrielle.chatelain@assemblee-nationale.fr";

    private ReplyWorld(FollowUpWorld world, GraphStub stub) => (World, Stub) = (world, stub);

    public FollowUpWorld World { get; }
    public GraphStub Stub { get; }
    public Database Database => World.Db.Database;

    public static async Task<ReplyWorld> CreateAsync(DatabaseProvider provider) =>
        new(await FollowUpWorld.CreateAsync(provider), await GraphStub.StartAsync());

    /// <summary>A new collector, reader and recorder, as a restarted worker has: nothing shared with earlier ones but the database.</summary>
    public ReplyCollector Collector(int pageSize = 50)
    {
        var replies = Microsoft.Extensions.Options.Options.Create(new ReplyOptions { PageSize = pageSize });
        var reader = new GraphInboxReader(Microsoft.Extensions.Options.Options.Create(GraphHarness.Options(Stub)), replies,
            NullLogger<GraphInboxReader>.Instance, TimeProvider.System);
        var recorder = new ReplyRecorder(Database, World.Services.Interactions, World.Services.Positions, World.Time, NullLogger<ReplyRecorder>.Instance);
        return new ReplyCollector(new MailboxSyncStore(Database, World.Time), reader, recorder, replies, NullLogger<ReplyCollector>.Instance);
    }

    /// <summary>Schedules a follow-up to the députée and sends it through Graph: its internet message id, as the outbox recorded it.</summary>
    public async Task<(long Id, string MessageId)> SendFollowUpAsync()
    {
        var followUp = (await World.ScheduleAsync(World.Deputee, World.Grenoble)).Value!;
        using var transport = GraphHarness.Transport(GraphHarness.Options(Stub));
        await World.Services.Dispatcher(transport).DrainAsync(default);
        var sent = await World.GetAsync(followUp.Id);
        Assert.That(sent.State, Is.EqualTo("sent"));
        return (sent.Id, sent.ProviderMessageId!);
    }

    public StubMessage Deliver(string from, string subject, string body = "Bonjour.", Dictionary<string, string>? headers = null) =>
        Stub.Deliver(Mailbox, new IncomingMessage(from, subject, body, headers, ReceivedAt: World.Time.GetUtcNow()));

    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public async Task<IReadOnlyList<(string Kind, long? OfficialId, long? CampaignId, long? InteractionId, string? Triage, string? WebLink)>> InboundAsync()
    {
        await using var connection = await Database.OpenAsync(default);
        return [.. await connection.QueryAsync<(string, long?, long?, long?, string?, string?)>(
            "SELECT kind, official_id, campaign_id, interaction_id, triage, web_link FROM inbound_messages ORDER BY id")];
    }

    public async ValueTask DisposeAsync()
    {
        await Stub.DisposeAsync();
        await World.DisposeAsync();
    }
}

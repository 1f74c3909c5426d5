using System.Diagnostics;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.FollowUps;
using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Mail.Graph;
using CampaignDesk.Stubs;
using CampaignDesk.Worker.Tests.FollowUps;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignDesk.Bench.Dispatch;

/// <summary>What one run sent and what the stub saw.</summary>
internal sealed record RunResult(int Messages, TimeSpan Elapsed, IReadOnlyList<StubDelivery> Deliveries, StubCounters Counters)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}

/// <summary>The two ways to send the same messages: straight through the transport (the floor), and through the outbox.</summary>
internal static class Runs
{
    /// <summary>The Graph transport against the stub; no client-side limit unless one is given.</summary>
    public static GraphOptions Graph(GraphStub stub, int? messagesPerWindow = null, TimeSpan? window = null) => new()
    {
        BaseUrl = stub.BaseUrl,
        StaticToken = stub.Token,
        MessagesPerWindow = messagesPerWindow ?? 1_000_000,
        Window = window ?? TimeSpan.FromSeconds(1),
    };

    /// <summary><paramref name="messages"/> sends through <see cref="GraphMailTransport"/>, <paramref name="concurrency"/> at once: no database at all.</summary>
    public static async Task<RunResult> FloorAsync(int messages, int mailboxes, int concurrency, GraphStubOptions stubOptions)
    {
        await using var stub = await GraphStub.StartAsync(stubOptions);
        using var transport = new GraphMailTransport(Options.Create(Graph(stub)), NullLogger<GraphMailTransport>.Instance, TimeProvider.System);
        var mails = Enumerable.Range(0, messages).Select(i => new OutgoingMail(Guid.NewGuid().ToString("N"), new MailAddress(OutboxSeed.Mailbox(i % mailboxes)),
            [new MailAddress($"elu{i:D5}@mairie.example", $"Camille Élu{i:D5}")], "Relances floor : notre demande",
            $"Madame, Monsieur,\n\nNous revenons vers vous ({i}).\n\nMaison de santé")).ToList();

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(mails, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (mail, token) => await transport.SendAsync(mail, token));
        var result = new RunResult(messages, clock.Elapsed, stub.Deliveries, stub.Counters);
        Check(mails.Select(m => m.IdempotencyKey).ToList(), result);
        return result;
    }

    /// <summary>
    /// <paramref name="messages"/> follow-ups due now, seeded first (not timed), then sent by the real dispatcher:
    /// claim, send through the same transport, record, round after round until none is due.
    /// </summary>
    public static async Task<RunResult> DispatchAsync(Database database, int messages, int mailboxes, FollowUpOptions options, GraphStubOptions stubOptions,
        Func<GraphStub, GraphOptions> graph)
    {
        await using var stub = await GraphStub.StartAsync(stubOptions);
        using var transport = new GraphMailTransport(Options.Create(graph(stub)), NullLogger<GraphMailTransport>.Instance, TimeProvider.System);
        var keys = await OutboxSeed.SeedAsync(database, messages, mailboxes, DateTimeOffset.UtcNow);
        var dispatcher = new FollowUpDispatcher(database, new FollowUpOutbox(TimeProvider.System), OutreachLog.For(database, TimeProvider.System), transport,
            Options.Create(options), Options.Create(AlwaysOpen), TimeProvider.System, NullLogger<FollowUpDispatcher>.Instance);

        var clock = Stopwatch.StartNew();
        var claimed = await dispatcher.DrainAsync(CancellationToken.None);
        var result = new RunResult(messages, clock.Elapsed, stub.Deliveries, stub.Counters);
        Check(keys, result);
        await using var connection = await database.OpenAsync(default);
        var sent = (await connection.QueryAsync<string>("SELECT idempotency_key FROM followups WHERE state = 'sent'")).ToHashSet(StringComparer.Ordinal);
        if (claimed != messages || keys.Any(k => !sent.Contains(k)))
        {
            throw new InvalidOperationException($"The outbox claimed {claimed} rows for {messages} follow-ups, or some are not recorded as sent.");
        }

        return result;
    }

    /// <summary>Every key delivered exactly once, or the figures mean nothing.</summary>
    private static void Check(IReadOnlyList<string> keys, RunResult result)
    {
        var delivered = result.Deliveries.SelectMany(d => d.Properties.Values).GroupBy(v => v, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var wrong = keys.Count(k => delivered.GetValueOrDefault(k) != 1);
        if (wrong > 0 || result.Deliveries.Count != keys.Count)
        {
            throw new InvalidOperationException($"{wrong} of {keys.Count} keys were not delivered exactly once ({result.Deliveries.Count} deliveries).");
        }
    }

    private static SendingWindow AlwaysOpen => new()
    {
        Days = Enum.GetValues<DayOfWeek>(),
        Start = TimeOnly.MinValue,
        End = TimeOnly.MaxValue,
        RespectHolidays = false,
    };
}

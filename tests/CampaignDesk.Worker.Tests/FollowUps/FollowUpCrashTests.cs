using System.Data.Common;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Data;
using CampaignDesk.Stubs;
using CampaignDesk.TestSupport;
using Dapper;

namespace CampaignDesk.Worker.Tests.FollowUps;

/// <summary>
/// The outbox's promise, with real processes: 500 follow-ups due now, worker processes sending them through the Graph
/// transport to the stub, one of them killed (SIGKILL) mid-batch and started again. Every key is delivered exactly
/// once: none lost (the dead worker's claims lapse and are taken again), none duplicated (the transport finds a key
/// already sent in the mailbox). ~20-30 s each.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public class FollowUpCrashTests(DatabaseProvider provider)
{
    private const int FollowUps = 500;
    private const int Mailboxes = 5;

    // 20 ms per Graph request (three per message) and four sends at once: ~50 messages a second per worker, so a kill
    // lands mid-batch with sends in flight.
    private static GraphStubOptions Stub => new() { Latency = TimeSpan.FromMilliseconds(20) };

    private OutboxWorld _world = null!;

    [SetUp]
    public async Task Create() => _world = await OutboxWorld.CreateAsync(provider, FollowUps, Mailboxes, Stub);

    [TearDown]
    public async Task Drop()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Test]
    public async Task Worker_KilledMidBatchAndRestarted_DeliversEveryFollowUpExactlyOnce()
    {
        await using (var first = _world.StartWorker())
        {
            await _world.WaitForDeliveriesAsync(175, first);
            await OutboxWorld.KillAsync(first);
        }

        var atKill = _world.Stub.Deliveries.Count;
        var unrecorded = await _world.DeliveredButNotRecordedAsync();
        await using var second = _world.StartWorker();
        await _world.WaitUntilAllSentAsync(second);

        TestContext.Out.WriteLine($"{provider}: {atKill} delivered at the kill, {unrecorded} of them not yet recorded");
        Assert.That(atKill, Is.InRange(1, FollowUps - 1), "killed mid-batch");
        await _world.AssertEachSentExactlyOnceAsync();
    }

    [Test]
    public async Task TwoWorkers_OneKilledMidBatchAndRestarted_DeliverEveryFollowUpExactlyOnce()
    {
        await using var steady = _world.StartWorker();
        ChildProcess? restarted = null;
        try
        {
            await using (var doomed = _world.StartWorker())
            {
                // Both claim and send before one dies.
                await OutboxWorld.WaitForAsync(() => Task.FromResult(_world.Stub.Deliveries.Count >= 175 && SentBy(steady) > 10 && SentBy(doomed) > 10),
                    TimeSpan.FromSeconds(40),
                    "both workers sending", steady, doomed);
                await OutboxWorld.KillAsync(doomed);
            }

            var atKill = _world.Stub.Deliveries.Count;
            restarted = _world.StartWorker();
            await _world.WaitUntilAllSentAsync(steady, restarted);

            TestContext.Out.WriteLine($"{provider}: {atKill} delivered at the kill; the steady worker sent {SentBy(steady)}, the restarted one {SentBy(restarted)}");
            Assert.That(atKill, Is.InRange(1, FollowUps - 1), "killed mid-batch");
            await _world.AssertEachSentExactlyOnceAsync();
        }
        finally
        {
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The narrowest window, made certain: Graph has accepted the sends, the worker has not recorded them (the outbox table
    /// is locked under it), and then it dies. Its successor must find each of those keys already sent, not send it again.
    /// </summary>
    [Test]
    public async Task Worker_KilledAfterGraphAcceptedButBeforeRecording_SendsNoneOfThoseAgain()
    {
        int unrecorded;
        await using (var first = _world.StartWorker())
        {
            await using var connection = await _world.Db.Database.OpenAsync(default);
            // A round ends with its last sends recorded together: if the lock fell between two rounds, nothing was in
            // flight, so let a few more go and lock again.
            for (var attempt = 1; ; attempt++)
            {
                await _world.WaitForDeliveriesAsync(_world.Stub.Deliveries.Count + 15, first);
                await using var transaction = await LockOutboxAsync(connection);
                var atLock = _world.Stub.Deliveries.Count;
                // The sends in flight complete at the stub; their updates, and the next claims, wait for the lock.
                await OutboxWorld.WaitForAsync(async () => await SettledAsync(), TimeSpan.FromSeconds(20), "the sends in flight to settle", first);
                TestContext.Out.WriteLine($"{provider}: attempt {attempt}, {atLock} delivered when locked, {_world.Stub.Deliveries.Count} once settled");
                if (_world.Stub.Deliveries.Count > atLock || attempt == 5)
                {
                    await OutboxWorld.KillAsync(first);
                    await DropStatementsOfTheDeadAsync(connection, transaction);
                    await transaction.RollbackAsync();
                    break;
                }

                await transaction.RollbackAsync();
            }
        }

        unrecorded = await _world.DeliveredButNotRecordedAsync();
        await using var second = _world.StartWorker();
        await _world.WaitUntilAllSentAsync(second);

        Assert.That(unrecorded, Is.GreaterThan(0), "the kill left messages delivered but not recorded");
        Assert.That(Regex.Count(second.Output, @"Follow-up \d+ sent \(found already sent\)"), Is.EqualTo(unrecorded), second.Output);
        await _world.AssertEachSentExactlyOnceAsync();
    }

    private static int SentBy(ChildProcess worker) => Regex.Count(worker.Output, @"Follow-up \d+ sent");

    private int _lastCount = -1;
    private DateTime _stableSince;

    /// <summary>True once the stub's delivery count has not moved for half a second.</summary>
    private Task<bool> SettledAsync()
    {
        var count = _world.Stub.Deliveries.Count;
        if (count != _lastCount)
        {
            (_lastCount, _stableSince) = (count, DateTime.UtcNow);
        }

        return Task.FromResult(DateTime.UtcNow - _stableSince > TimeSpan.FromMilliseconds(500));
    }

    /// <summary>
    /// PostgreSQL would still carry out the updates the dead worker had sent, once the lock is released (it notices a
    /// client has gone only when it next writes to it): end those sessions, as <c>client_connection_check_interval</c>
    /// would, so the state is that of a worker that died before its updates reached the server. SQLite's waited in
    /// the dead process.
    /// </summary>
    private async Task DropStatementsOfTheDeadAsync(DbConnection connection, DbTransaction transaction)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await connection.ExecuteAsync("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                """, transaction: transaction);
        }
    }

    /// <summary>A transaction that holds the outbox's write lock: writers wait, readers do not.</summary>
    private async Task<DbTransaction> LockOutboxAsync(DbConnection connection)
    {
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(provider switch
        {
            // Any write takes SQLite's one write lock, even one that changes no row.
            DatabaseProvider.Sqlite => "UPDATE followups SET attempts = attempts WHERE 1 = 0",
            _ => "LOCK TABLE followups IN EXCLUSIVE MODE",
        }, transaction: transaction);
        return transaction;
    }
}

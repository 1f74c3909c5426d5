using Dapper;

namespace CampaignDesk.Core.Data;

public enum WriteProbeStatus
{
    /// <summary>A write committed.</summary>
    Written,

    /// <summary>A write is waiting for a lock, for less than the command timeout: writes are slow, not failing yet.</summary>
    Waiting,

    /// <summary>A write failed (read-only file or database, disk full, privilege revoked, a lock held past the command timeout).</summary>
    Failed,
}

public sealed record WriteProbeResult(WriteProbeStatus Status, string Description);

/// <summary>
/// Readiness's proof that the database takes writes, not only reads: one real write (the installation row's
/// <c>probed_utc</c>) through <see cref="Database.WriteAsync{T}(Func{DbSession, Task{T}}, CancellationToken)"/>,
/// as any request's write. Its answer is kept <see cref="Fresh"/>, so a readiness poll costs at most one write in that
/// time whatever the traffic; a probe still waiting for a lock answers <see cref="WriteProbeStatus.Waiting"/> after
/// <see cref="Patience"/> rather than holding the check, and <see cref="WriteProbeStatus.Failed"/> once it has waited as
/// long as a request's write would before failing.
/// </summary>
public sealed class WriteProbe(Database database, TimeProvider time)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private (WriteProbeResult Result, DateTimeOffset At)? _last;
    private (Task<WriteProbeResult> Task, DateTimeOffset Started)? _running;

    public async Task<WriteProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        Task<WriteProbeResult> running;
        DateTimeOffset started;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < Fresh)
            {
                return last.Result;
            }

            // The write is not tied to one caller's cancellation: another check may wait for the same one.
            _running ??= (WriteAsync(), now);
            (running, started) = _running.Value;
        }

        if (await Task.WhenAny(running, Task.Delay(Patience, time, cancellationToken)) == running)
        {
            return await running;
        }

        var waited = time.GetUtcNow() - started;
        return waited >= database.CommandTimeout
            ? new WriteProbeResult(WriteProbeStatus.Failed, $"A write has waited {waited.TotalSeconds:0} s for a lock: writes are refused.")
            : new WriteProbeResult(WriteProbeStatus.Waiting, $"A write has waited {waited.TotalSeconds:0} s for a lock held elsewhere.");
    }

    private async Task<WriteProbeResult> WriteAsync()
    {
        await Task.Yield();
        WriteProbeResult result;
        try
        {
            await database.WriteAsync(session => session.ExecuteAsync("UPDATE installation SET probed_utc = @now WHERE id = 1",
                new { now = time.GetUtcNow().UtcDateTime }), CancellationToken.None);
            result = new WriteProbeResult(WriteProbeStatus.Written, "Writes are accepted.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException or IOException)
        {
            result = new WriteProbeResult(WriteProbeStatus.Failed, $"Writes fail: {database.Dialect.DescribeFailure(ex)}.");
        }

        lock (_lock)
        {
            _last = (result, time.GetUtcNow());
            _running = null;
        }

        return result;
    }
}

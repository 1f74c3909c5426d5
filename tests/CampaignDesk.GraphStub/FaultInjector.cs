namespace CampaignDesk.Stubs;

/// <summary>
/// Scripted faults (the next <c>times</c> calls of an operation) take precedence over the random ones (a ratio of every
/// matching call, from a seeded generator so a failing run can be replayed). Thread-safe; changeable while running.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(GraphOperation Operation, GraphFault Fault, int Left, int Skip)> _scripted = [];
    private (double Ratio, Random Random, GraphOperation Operation, GraphFault[] Faults)? _random;
    private long _injected;

    public long Injected => Interlocked.Read(ref _injected);

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="operation"/> get <paramref name="fault"/>, after
    /// <paramref name="skip"/> calls that go through (e.g. skip 1: the second page of a delta fails).
    /// </summary>
    public void Add(GraphOperation operation, GraphFault fault, int times = 1, int skip = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        lock (_gate)
        {
            _scripted.Add((operation, fault, times, skip));
        }
    }

    /// <summary>Each call of <paramref name="operation"/> fails with probability <paramref name="ratio"/>, with one of <paramref name="faults"/>.</summary>
    public void SetRandom(double ratio, int seed, GraphOperation operation, params GraphFault[] faults)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratio);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratio, 1);
        lock (_gate)
        {
            _random = faults.Length == 0 ? null : (ratio, new Random(seed), operation, faults);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _scripted.Clear();
            _random = null;
        }
    }

    internal GraphFault? Next(GraphOperation operation)
    {
        lock (_gate)
        {
            var index = _scripted.FindIndex(s => s.Operation == GraphOperation.Any || s.Operation == operation);
            if (index >= 0)
            {
                var (op, fault, left, skip) = _scripted[index];
                if (skip > 0)
                {
                    _scripted[index] = (op, fault, left, skip - 1);
                    return null;
                }

                if (left == 1)
                {
                    _scripted.RemoveAt(index);
                }
                else
                {
                    _scripted[index] = (op, fault, left - 1, 0);
                }

                _injected++;
                return fault;
            }

            if (_random is { } r && (r.Operation == GraphOperation.Any || r.Operation == operation) && r.Random.NextDouble() < r.Ratio)
            {
                _injected++;
                return r.Faults[r.Random.Next(r.Faults.Length)];
            }

            return null;
        }
    }
}

namespace CampaignDesk.Stubs;

public sealed class GraphStubOptions
{
    /// <summary>0 lets the system choose a free port; <see cref="GraphStub.BaseUrl"/> tells which.</summary>
    public int Port { get; set; }

    /// <summary>The only bearer token accepted; any other answers 401 <c>InvalidAuthenticationToken</c>.</summary>
    public string Token { get; set; } = "stub-token";

    /// <summary>Sends allowed per mailbox in any sliding <see cref="Window"/>; null for no limit (Exchange: 30 a minute).</summary>
    public int? MessagesPerWindow { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests in flight per mailbox; null for no limit (Exchange: 4).</summary>
    public int? MaxConcurrentPerMailbox { get; set; }

    /// <summary>Added to every Graph answer, to give a benchmark a realistic round trip.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>A share of every Graph call that fails with <see cref="RandomFaults"/> (default 503), from <see cref="Seed"/>.</summary>
    public double RandomFaultRatio { get; set; }

    public int Seed { get; set; } = 1;

    /// <summary>Messages per delta page when the client sends no <c>Prefer: odata.maxpagesize</c> (Graph's default is 10).</summary>
    public int DeltaPageSize { get; set; } = 10;

    public IReadOnlyList<GraphFault> RandomFaults { get; set; } = [GraphFault.Unavailable()];

    /// <summary>Exchange's own limits: 30 messages a minute and 4 concurrent requests per mailbox.</summary>
    public static GraphStubOptions ExchangeLike(int messagesPerWindow = 30, TimeSpan? window = null) => new()
    {
        MessagesPerWindow = messagesPerWindow,
        Window = window ?? TimeSpan.FromMinutes(1),
        MaxConcurrentPerMailbox = 4,
    };
}

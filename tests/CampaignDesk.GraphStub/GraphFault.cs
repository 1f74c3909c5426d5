namespace CampaignDesk.Stubs;

public enum GraphFaultKind
{
    /// <summary>429 with <c>Retry-After</c>, nothing done.</summary>
    Throttle,

    /// <summary>503, nothing done.</summary>
    Unavailable,

    /// <summary>504, nothing done.</summary>
    GatewayTimeout,

    /// <summary>A non-transient 400 with the given error code, nothing done.</summary>
    BadRequest,

    /// <summary>Waits <see cref="GraphFault.Delay"/>, then answers normally.</summary>
    Slow,

    /// <summary>Aborts the connection before doing anything.</summary>
    Drop,

    /// <summary>Does the work (a send is delivered), then aborts the connection: the client sees a failure.</summary>
    AcceptThenCrash,
}

/// <summary>One injected fault. Build it with the factories.</summary>
public sealed record GraphFault(GraphFaultKind Kind, TimeSpan RetryAfter = default, TimeSpan Delay = default, string Code = "BadRequest")
{
    public static GraphFault Throttle(TimeSpan retryAfter) => new(GraphFaultKind.Throttle, RetryAfter: retryAfter);

    public static GraphFault Unavailable() => new(GraphFaultKind.Unavailable);

    public static GraphFault GatewayTimeout() => new(GraphFaultKind.GatewayTimeout);

    public static GraphFault BadRequest(string code = "ErrorInvalidRecipients") => new(GraphFaultKind.BadRequest, Code: code);

    public static GraphFault Slow(TimeSpan delay) => new(GraphFaultKind.Slow, Delay: delay);

    public static GraphFault Drop() => new(GraphFaultKind.Drop);

    public static GraphFault AcceptThenCrash() => new(GraphFaultKind.AcceptThenCrash);
}

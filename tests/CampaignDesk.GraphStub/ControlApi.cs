namespace CampaignDesk.Stubs;

/// <summary>
/// <c>/_stub/…</c>: what a test or a benchmark in another process reads and changes while the stub runs. No
/// authentication: the stub listens on loopback only.
/// </summary>
internal static class ControlApi
{
    public sealed record FaultRequest(GraphOperation Operation, GraphFaultKind Kind, int Times = 1, int RetryAfterMs = 1000,
        int DelayMs = 0, string Code = "BadRequest")
    {
        public GraphFault ToFault() => new(Kind, TimeSpan.FromMilliseconds(RetryAfterMs), TimeSpan.FromMilliseconds(DelayMs), Code);
    }

    public sealed record RandomFaultRequest(double Ratio, int Seed, GraphOperation Operation, GraphFaultKind Kind, int RetryAfterMs = 1000);

    public sealed record LimitsRequest(int? MessagesPerWindow, int WindowMs, int? MaxConcurrent);

    public static void MapControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_stub");
        control.MapGet("/counters", (StubState state) => state.Counters());
        control.MapGet("/deliveries", (StubState state) => state.Store.Deliveries);
        control.MapGet("/requests", (StubState state) => state.Requests.ToArray());
        control.MapPost("/mailboxes/{mailbox}/inbox", (string mailbox, IncomingMessage message, StubState state) =>
        {
            var delivered = state.Store.Deliver(mailbox, message);
            return Results.Created($"/v1.0/users/{mailbox}/messages/{delivered.Id}", new { delivered.Id, delivered.InternetMessageId });
        });
        control.MapPost("/faults", (FaultRequest request, StubState state) =>
        {
            state.Faults.Add(request.Operation, request.ToFault(), request.Times);
            return Results.NoContent();
        });
        control.MapPost("/faults/random", (RandomFaultRequest request, StubState state) =>
        {
            state.Faults.SetRandom(request.Ratio, request.Seed, request.Operation,
                new GraphFault(request.Kind, TimeSpan.FromMilliseconds(request.RetryAfterMs)));
            return Results.NoContent();
        });
        control.MapDelete("/faults", (StubState state) =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });
        control.MapPut("/limits", (LimitsRequest request, StubState state) =>
        {
            state.Limits.MessagesPerWindow = request.MessagesPerWindow;
            state.Limits.Window = TimeSpan.FromMilliseconds(request.WindowMs);
            state.Limits.MaxConcurrent = request.MaxConcurrent;
            return Results.NoContent();
        });
    }
}

using System.Globalization;
using System.Text;

namespace CampaignDesk.Stubs;

/// <summary>The operation an endpoint implements, as endpoint metadata the gate reads.</summary>
internal sealed record OperationTag(GraphOperation Operation);

/// <summary>
/// Runs before every Graph endpoint, in the order a real front end would: record, authenticate, mailbox concurrency,
/// injected fault, message rate, then the work. Each outcome is recorded with the arrival time, so a test can read
/// how long a client waited between two attempts from the stub's clock instead of its own.
/// </summary>
internal sealed class GraphGate(StubState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var at = DateTimeOffset.UtcNow;
        var operation = http.GetEndpoint()?.Metadata.GetMetadata<OperationTag>()?.Operation ?? GraphOperation.Any;
        var mailbox = ((string?)http.Request.RouteValues["mailbox"] ?? "").ToLowerInvariant();
        var body = await ReadBodyAsync(http.Request);
        var headers = http.Request.Headers.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        void Record(string outcome) => state.Requests.Enqueue(new RecordedRequest(at, http.Request.Method,
            http.Request.Path + http.Request.QueryString, mailbox, operation, body, outcome, headers));

        if (http.Request.Headers.Authorization.ToString() != "Bearer " + state.Options.Token)
        {
            Record("401");
            return GraphResults.Error(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
        }

        if (!state.Limits.TryEnter(mailbox))
        {
            Record("429");
            return GraphResults.Throttled(http, TimeSpan.FromSeconds(1), "Application is over its MailboxConcurrency limit.");
        }

        try
        {
            if (state.Options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(state.Options.Latency, http.RequestAborted);
            }

            var fault = state.Faults.Next(operation);
            switch (fault?.Kind)
            {
                case GraphFaultKind.Throttle:
                    Record("fault:Throttle");
                    return GraphResults.Throttled(http, fault.RetryAfter, "Application is over its resource limit (injected).");
                case GraphFaultKind.Unavailable:
                    Record("fault:Unavailable");
                    return GraphResults.Error(503, "ServiceUnavailable", "Service unavailable (injected).");
                case GraphFaultKind.GatewayTimeout:
                    Record("fault:GatewayTimeout");
                    return GraphResults.Error(504, "GatewayTimeout", "Gateway timeout (injected).");
                case GraphFaultKind.BadRequest:
                    Record("fault:BadRequest");
                    return GraphResults.Error(400, fault.Code, "The request is invalid (injected).");
                case GraphFaultKind.Drop:
                    Record("fault:Drop");
                    http.Abort();
                    return Results.Empty;
                case GraphFaultKind.Slow:
                    await Task.Delay(fault.Delay, http.RequestAborted);
                    break;
            }

            if (operation is GraphOperation.Send or GraphOperation.SendMail && state.Limits.TryAdmitSend(mailbox) is { } wait)
            {
                Record("429");
                return GraphResults.Throttled(http, wait, "Mailbox is over its message rate limit (MessageRateLimit).");
            }

            var result = await next(context);
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 200;
            if (fault?.Kind == GraphFaultKind.AcceptThenCrash)
            {
                Record(string.Create(CultureInfo.InvariantCulture, $"crash-after:{status}"));
                http.Abort();
                return Results.Empty;
            }

            Record(status.ToString(CultureInfo.InvariantCulture));
            return result;
        }
        finally
        {
            state.Limits.Exit(mailbox);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return body;
    }
}

using CampaignDesk.Stubs;
using Microsoft.Extensions.Logging;
using static CampaignDesk.Core.Tests.Mail.Graph.GraphHarness;

namespace CampaignDesk.Core.Tests.Mail.Graph;

public class GraphLoggingTests
{
    [Test]
    public async Task SendAsync_WithRetries_LogsTheOutcomeButNeverTheToken()
    {
        await using var stub = await GraphStub.StartAsync(new GraphStubOptions { Token = "very-secret-token" });
        stub.Faults.Add(GraphOperation.Send, GraphFault.Unavailable());
        var logger = new ListLogger();
        using var transport = Transport(Options(stub), logger);

        await transport.SendAsync(NewMail("relance-8"), CancellationToken.None);

        Assert.That(logger.Lines, Has.Some.Contains("relance-8").And.Some.Contains("503 ServiceUnavailable"));
        Assert.That(logger.Lines, Has.None.Contains("very-secret-token"));
        Assert.That(logger.Lines, Has.None.Contains("@"), "neither the mailbox nor the internet message id (both contain @)");
    }

    [Test]
    public async Task SendAsync_WithACorrelationId_SendsItAsClientRequestIdOnEveryRequest()
    {
        await using var stub = await GraphStub.StartAsync();
        stub.Faults.Add(GraphOperation.Send, GraphFault.Unavailable());
        using var transport = Transport(Options(stub));
        var guid = Guid.NewGuid().ToString("D");

        await transport.SendAsync(NewMail("relance-9") with { CorrelationId = guid }, CancellationToken.None);
        var first = stub.Requests;
        await transport.SendAsync(NewMail("relance-10") with { CorrelationId = "import-2026.run:7" }, CancellationToken.None);
        var second = stub.Requests.Skip(first.Count).ToList();

        Assert.That(first, Has.Count.GreaterThanOrEqualTo(4), "look-up, draft, a failed send and its retry");
        Assert.That(first.Select(r => r.Header("client-request-id")), Is.All.EqualTo(guid));
        // Not a GUID: the name-based GUID of RFC 9562 (version 5), as Python's uuid.uuid5(CorrelationIds.Namespace, id) gives it.
        Assert.That(second.Select(r => r.Header("client-request-id")), Is.Not.Empty.And.All.EqualTo("e84acb9c-c3c0-5282-ae0f-87e112e57156"));
    }

    private sealed class ListLogger : ILogger<Core.Mail.Graph.GraphMailTransport>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add($"{logLevel} {formatter(state, exception)} {exception}");
            }
        }
    }
}

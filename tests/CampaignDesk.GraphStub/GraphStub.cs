using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CampaignDesk.Stubs;

/// <summary>
/// A Microsoft Graph stand-in on a real Kestrel socket (127.0.0.1), so the real Graph SDK, its handlers and real
/// connection failures are all exercised. <c>await using var stub = await GraphStub.StartAsync(options);</c> then
/// point the client at <see cref="BaseUrl"/> with <see cref="Token"/>.
/// </summary>
public sealed class GraphStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StubState _state;

    private GraphStub(WebApplication app, StubState state, string root)
    {
        _app = app;
        _state = state;
        Root = root;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>; the control endpoints live under <c>/_stub</c>.</summary>
    public string Root { get; }

    /// <summary><c>http://127.0.0.1:PORT/v1.0</c>, the Graph base URL to give the client.</summary>
    public string BaseUrl => Root + "/v1.0";

    public string Token => _state.Options.Token;

    public FaultInjector Faults => _state.Faults;

    public MailboxLimits Limits => _state.Limits;

    public MessageStore Messages => _state.Store;

    public IReadOnlyList<RecordedRequest> Requests => [.. _state.Requests];

    public IReadOnlyList<StubDelivery> Deliveries => _state.Store.Deliveries;

    public StubCounters Counters => _state.Counters();

    /// <summary>Delivers a message from outside into <paramref name="mailbox"/>'s inbox.</summary>
    public StubMessage Deliver(string mailbox, IncomingMessage incoming) => _state.Store.Deliver(mailbox, incoming);

    /// <summary>How many delivered messages carry an extended property with this value (an idempotency key).</summary>
    public int DeliveriesOf(string propertyValue) => Deliveries.Count(d => d.Properties.Values.Contains(propertyValue));

    public static async Task<GraphStub> StartAsync(GraphStubOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GraphStubOptions();
        var state = new StubState(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddSingleton(state);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        app.MapGraph();
        app.MapControl();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GraphStub(app, state, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

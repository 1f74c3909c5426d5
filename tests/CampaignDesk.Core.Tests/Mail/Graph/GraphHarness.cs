using CampaignDesk.Core.Mail;
using CampaignDesk.Core.Mail.Graph;
using CampaignDesk.Stubs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignDesk.Core.Tests.Mail.Graph;

/// <summary>The real transport, with the real Graph SDK, pointed at a real <see cref="GraphStub"/>, with short delays.</summary>
internal static class GraphHarness
{
    public const string Mailbox = "campagne@coalition.example";

    public static GraphOptions Options(GraphStub stub) => new()
    {
        BaseUrl = stub.BaseUrl,
        StaticToken = stub.Token,
        RequestTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromMinutes(1),
        MaxRetryAttempts = 6,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        MessagesPerWindow = 10_000,
        Window = TimeSpan.FromSeconds(1),
    };

    public static GraphMailTransport Transport(GraphOptions options, ILogger<GraphMailTransport>? logger = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), logger ?? NullLogger<GraphMailTransport>.Instance, TimeProvider.System);

    public static OutgoingMail NewMail(string key, string from = Mailbox) =>
        new(key, new MailAddress(from, "Coalition"), [new MailAddress("elu@mairie.example", "Élue")], $"Objet {key}", $"Bonjour, {key}.");

    public static int Count(this GraphStub stub, GraphOperation operation) => stub.Requests.Count(r => r.Operation == operation);
}

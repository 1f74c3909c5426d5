using System.Text;
using System.Text.RegularExpressions;
using CampaignDesk.Core.Mail;
using CampaignDesk.Stubs;
using static CampaignDesk.Core.Tests.Mail.Graph.GraphHarness;

namespace CampaignDesk.Core.Tests.Mail.Graph;

/// <summary>
/// The transport's requests, octet for octet (method, path and query, headers, body), against a file recorded with
/// Microsoft.Graph 5.92.0 before the upgrade to 6.x: an SDK upgrade that changes what reaches Graph fails here. Only the
/// values that change on every run or with the SDK's version (request ids, the SDK version header, ids the stub makes
/// up) are masked. CAMPAIGNDESK_WRITE_GOLDEN=folder writes the current requests there to record a new file.
/// </summary>
public partial class GraphRequestsGoldenTests
{
    private static readonly string[] VolatileHeaders = ["client-request-id", "SdkVersion", "User-Agent", "traceparent", "Host", "Content-Length"];

    [Test]
    public async Task Transport_SendNewKeyAgainAndHtml_SendsTheRequestsRecordedWithGraph5()
    {
        await using var stub = await GraphStub.StartAsync();
        using var transport = Transport(Options(stub));

        await transport.SendAsync(NewMail("golden-1"), CancellationToken.None);
        await transport.SendAsync(NewMail("golden-1"), CancellationToken.None);
        await transport.SendAsync(NewMail("golden-2") with
        {
            HtmlBody = "<p>Madame l'Élue, « relance » & suite</p>",
            Headers = new Dictionary<string, string> { ["X-Campaign"] = "42" },
        }, CancellationToken.None);

        var actual = Describe(stub, stub.Requests.ToList());
        if (Environment.GetEnvironmentVariable("CAMPAIGNDESK_WRITE_GOLDEN") is { Length: > 0 } folder)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "graph-requests.txt"), actual);
        }

        var expected = await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "graph", "graph-requests.txt"));
        Assert.That(actual, Is.EqualTo(expected.ReplaceLineEndings("\n")));
    }

    private static string Describe(GraphStub stub, List<RecordedRequest> requests)
    {
        var text = new StringBuilder();
        foreach (var request in requests)
        {
            text.Append(request.Method).Append(' ').Append(request.Path).Append(" -> ").Append(request.Outcome).Append('\n');
            foreach (var (name, value) in request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                var shown = VolatileHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? "…" : value;
                text.Append("  ").Append(name.ToLowerInvariant()).Append(": ").Append(shown).Append('\n');
            }

            text.Append("  body: ").Append(request.Body).Append('\n');
        }

        var masked = text.ToString().Replace(stub.BaseUrl.TrimEnd('/'), "{base}", StringComparison.Ordinal);
        return Guid().Replace(StubId().Replace(masked, "{id}"), "{guid}");
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("AAMk[A-Za-z0-9_-]+")]
    private static partial Regex StubId();
}

using System.Runtime.CompilerServices;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDesk.Api.Tests.Hosting;

/// <summary>A download reads its rows with the request's cancellation: a client that hangs up stops the query.</summary>
public class ExportResultsTests
{
    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task File_RequestAborted_StopsReadingTheRows(string format)
    {
        using var aborted = new CancellationTokenSource();
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, RequestAborted = aborted.Token };
        context.Response.Body = new MemoryStream();
        var read = 0;
        var seen = CancellationToken.None;

        async IAsyncEnumerable<IReadOnlyList<object?>> Rows([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            seen = cancellationToken;
            for (var n = 1; n <= 1_000; n++)
            {
                await Task.Yield();
                read = n;
                if (n == 2)
                {
                    await aborted.CancelAsync();
                }

                yield return [n];
            }
        }

        var result = ExportResults.File(new ExportTable("t", ["n"], Rows()), format, "journal");

        Assert.That(async () => await result.ExecuteAsync(context), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(read, Is.EqualTo(2));
        Assert.That(seen.IsCancellationRequested, Is.True, "the rows were read with the request's token");
    }
}

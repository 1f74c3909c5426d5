using System.Runtime.CompilerServices;
using CampaignDesk.Core.Exports;

namespace CampaignDesk.Core.Tests.Exports;

/// <summary>An aborted download stops the reading: the rows' source sees the cancellation and is closed, no row is read after.</summary>
public class ExportCancellationTests
{
    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task WriteAsync_CancelledWhileReading_StopsReadingAndClosesTheSource(string format)
    {
        using var cancellation = new CancellationTokenSource();
        var source = new CancellingRows(cancellation, after: 3);
        var table = new ExportTable("t", ["n"], source.ReadAsync());

        var write = format == "csv"
            ? CsvExport.WriteAsync(Stream.Null, table, cancellation.Token)
            : XlsxExport.WriteAsync(Stream.Null, table, cancellation.Token);

        Assert.That(async () => await write, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(source.Read, Is.EqualTo(3));
        Assert.That(source.Token.IsCancellationRequested, Is.True, "the source was read with the writer's token");
        Assert.That(source.Closed, Is.True);
    }

    /// <summary>Rows that cancel their reader after a number of them, as a client hanging up half-way.</summary>
    internal sealed class CancellingRows(CancellationTokenSource cancellation, int after)
    {
        public int Read { get; private set; }

        public bool Closed { get; private set; }

        public CancellationToken Token { get; private set; }

        public async IAsyncEnumerable<IReadOnlyList<object?>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Token = cancellationToken;
            try
            {
                for (var n = 1; n <= 1_000; n++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await Task.Yield();
                    Read = n;
                    if (n == after)
                    {
                        await cancellation.CancelAsync();
                    }

                    yield return [n];
                }
            }
            finally
            {
                Closed = true;
            }
        }
    }
}

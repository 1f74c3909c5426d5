using System.Collections.Concurrent;

namespace CampaignDesk.Core.Import;

/// <summary>
/// Enumerates a source on a background thread, a bounded number of batches ahead of the consumer: parsing a file
/// and inserting its rows then run on two cores at once, with memory capped at <c>batches × batchSize</c> items.
/// The source's exception surfaces in the consumer; a consumer that stops early stops the source.
/// </summary>
internal static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int batchSize = 512, int batches = 4)
    {
        using var buffer = new BlockingCollection<List<T>>(batches);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == batchSize)
                    {
                        buffer.Add(batch, stop.Token);
                        batch = new List<T>(batchSize);
                    }
                }

                if (batch.Count > 0)
                {
                    buffer.Add(batch, stop.Token);
                }
            }
            finally
            {
                buffer.CompleteAdding();
            }
        });

        try
        {
            foreach (var batch in buffer.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped first: the source was told to stop, nothing was lost.
            }
        }
    }
}

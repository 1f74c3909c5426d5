using CampaignDesk.Core.Import;

namespace CampaignDesk.Core.Tests.Import;

public class ReadAheadTests
{
    [Test]
    public void Items_ComeInOrder_WhateverTheBatching()
    {
        var items = ReadAhead.Of(Enumerable.Range(0, 10_007), batchSize: 100, batches: 2).ToList();

        Assert.That(items, Is.EqualTo(Enumerable.Range(0, 10_007)));
    }

    [Test]
    public void SourceFailure_SurfacesInTheConsumer_AfterTheItemsBeforeIt()
    {
        var seen = new List<int>();

        var failure = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(), batchSize: 10, batches: 2))
            {
                seen.Add(item);
            }
        });

        Assert.That(failure!.Message, Is.EqualTo("line 25 is broken"));
        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 20)), "the whole batches read before the failure");

        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 25; i++)
            {
                yield return i;
            }

            throw new InvalidDataException("line 25 is broken");
        }
    }

    [Test]
    public void ConsumerStoppingEarly_StopsTheSource_WithMemoryBounded()
    {
        var produced = 0;

        var first = ReadAhead.Of(Counting(), batchSize: 10, batches: 2).Take(5).ToList();

        Assert.That(first, Is.EqualTo(Enumerable.Range(0, 5)));
        Assert.That(produced, Is.LessThanOrEqualTo(10 * 4), "never more than a few batches ahead, and stopped");

        IEnumerable<int> Counting()
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }
    }
}

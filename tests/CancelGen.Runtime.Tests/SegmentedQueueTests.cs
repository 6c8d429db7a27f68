using CancelGen.Internal;

namespace CancelGen.Runtime.Tests;

public class SegmentedQueueTests
{
    [Fact]
    public void Items_come_out_in_order_across_many_segments()
    {
        var queue = new SegmentedQueue<int>();
        for (var i = 0; i < 5000; i++)
        {
            queue.Enqueue(i);
        }

        Assert.Equal(5000, queue.Count);
        Assert.True(queue.SegmentCount > 5);
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(i, queue.Dequeue());
        }

        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
    }

    [Fact]
    public void An_empty_queue_has_nothing_to_dequeue()
    {
        var queue = new SegmentedQueue<string>();

        Assert.False(queue.TryDequeue(out var item));
        Assert.Null(item);
        Assert.Throws<InvalidOperationException>(() => queue.Dequeue());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(1500)]
    public void A_consumer_that_lags_the_producer_wraps_around_segments_in_order(int lag)
    {
        var queue = new SegmentedQueue<int>();
        var next = 0;
        for (var i = 0; i < 20_000; i++)
        {
            queue.Enqueue(i);
            if (queue.Count > lag)
            {
                Assert.Equal(next++, queue.Dequeue());
            }
        }

        while (queue.TryDequeue(out var item))
        {
            Assert.Equal(next++, item);
        }

        Assert.Equal(20_000, next);
        Assert.Equal(1, queue.SegmentCount);
        Assert.True(queue.SpareSegmentCount <= SegmentedQueue<int>.MaxSpareSegments);
    }

    [Fact]
    public void A_drained_backlog_keeps_one_segment_and_a_few_spares()
    {
        var queue = new SegmentedQueue<int>();
        for (var i = 0; i < 50_000; i++)
        {
            queue.Enqueue(i);
        }

        Assert.True(queue.SegmentCount >= 50_000 / SegmentedQueue<int>.MaxSegmentLength);

        while (queue.TryDequeue(out _))
        {
        }

        Assert.Equal(1, queue.SegmentCount);
        Assert.Equal(SegmentedQueue<int>.MaxSpareSegments, queue.SpareSegmentCount);
    }

    [Fact]
    public void A_steady_producer_and_consumer_reuse_the_segments_and_allocate_nothing()
    {
        var queue = new SegmentedQueue<int>();

        // Warm up: a lag of a segment and a half makes the queue link and recycle segments.
        Cycle(queue, 3000, lag: 1500);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Cycle(queue, 100_000, lag: 1500);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        static void Cycle(SegmentedQueue<int> queue, int count, int lag)
        {
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(i);
                if (queue.Count > lag)
                {
                    queue.Dequeue();
                }
            }
        }
    }

    [Fact]
    public void DrainTo_moves_everything_in_order_and_the_queue_stays_usable()
    {
        var queue = new SegmentedQueue<int>();
        for (var i = 0; i < 3000; i++)
        {
            queue.Enqueue(i);
        }

        for (var i = 0; i < 10; i++)
        {
            queue.Dequeue();
        }

        var drained = new List<int> { -1 };
        queue.DrainTo(drained);

        Assert.Equal([-1, .. Enumerable.Range(10, 2990)], drained);
        Assert.Equal(0, queue.Count);
        Assert.Equal(1, queue.SegmentCount);

        queue.Enqueue(7);
        Assert.Equal(7, queue.Dequeue());
    }

    [Fact]
    public void Clear_empties_the_queue_and_keeps_it_usable()
    {
        var queue = new SegmentedQueue<string>();
        for (var i = 0; i < 100; i++)
        {
            queue.Enqueue(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        queue.Clear();

        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
        queue.Enqueue("a");
        queue.Enqueue("b");
        Assert.Equal("a", queue.Dequeue());
        Assert.Equal("b", queue.Dequeue());
    }
}

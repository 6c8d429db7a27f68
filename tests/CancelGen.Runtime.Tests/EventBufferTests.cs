using CancelGen.Internal;

namespace CancelGen.Runtime.Tests;

/// <summary>The buffer itself, with backlogs that span several of its queue's segments.</summary>
public class EventBufferTests
{
    private const int Backlog = 3 * SegmentedQueue<int>.MaxSegmentLength;

    [Fact]
    public void A_bounded_buffer_is_full_at_its_capacity_across_segments()
    {
        const int capacity = SegmentedQueue<int>.InitialSegmentLength * 5;
        var buffer = new EventBuffer<int>(capacity, EventHistory.None);
        for (var i = 0; i < capacity; i++)
        {
            Assert.Equal(WriteResult.Written, buffer.TryWrite(i, out var waiter));
            Assert.Null(waiter);
        }

        Assert.Equal(WriteResult.Full, buffer.TryWrite(capacity, out _));
        Assert.Equal(capacity, buffer.Count);

        Assert.Equal(0, TakeOne(buffer));
        Assert.Equal(WriteResult.Written, buffer.TryWrite(capacity, out _));
        Assert.Equal(WriteResult.Full, buffer.TryWrite(capacity + 1, out _));

        for (var i = 1; i <= capacity; i++)
        {
            Assert.Equal(i, TakeOne(buffer));
        }

        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void Events_are_taken_in_order_across_segments_and_then_the_end()
    {
        var buffer = new EventBuffer<int>(null, EventHistory.None);
        for (var i = 0; i < Backlog; i++)
        {
            buffer.TryWrite(i, out _);
        }

        buffer.Complete();

        for (var i = 0; i < Backlog; i++)
        {
            Assert.Equal(i, TakeOne(buffer));
        }

        Assert.Equal(TakeResult.End, buffer.TakeOrWait(null!, wait: false, out _, out _));
    }

    [Fact]
    public void A_delivery_stop_keeps_the_whole_backlog_as_undelivered_in_order()
    {
        var buffer = new EventBuffer<int>(null, EventHistory.None);
        for (var i = 0; i < Backlog; i++)
        {
            buffer.TryWrite(i, out _);
        }

        for (var i = 0; i < 5; i++)
        {
            TakeOne(buffer);
        }

        Assert.Empty(buffer.GetUndelivered());

        buffer.StopDelivery();
        buffer.KeepUndelivered(4);

        Assert.Equal(TakeResult.End, buffer.TakeOrWait(null!, wait: false, out _, out _));
        Assert.Equal(Enumerable.Range(4, Backlog - 4), buffer.GetUndelivered());
        Assert.Equal(0, buffer.Count);

        // Asking again gives the same events.
        Assert.Equal(Enumerable.Range(4, Backlog - 4), buffer.GetUndelivered());
    }

    [Fact]
    public void The_history_holds_every_event_written_across_segments()
    {
        var buffer = new EventBuffer<int>(null, EventHistory.All);
        for (var i = 0; i < Backlog; i++)
        {
            buffer.TryWrite(i, out _);
            if (i % 3 == 0)
            {
                TakeOne(buffer);
            }
        }

        Assert.Equal(Enumerable.Range(0, Backlog), buffer.GetHistory());
    }

    [Fact]
    public void The_current_turn_history_starts_again_at_a_turn_boundary()
    {
        var buffer = new EventBuffer<int>(null, EventHistory.CurrentTurn);
        for (var i = 0; i < Backlog; i++)
        {
            buffer.TryWrite(i, out _);
        }

        buffer.OnTurnEnded();
        for (var i = 0; i < 20; i++)
        {
            buffer.TryWrite(Backlog + i, out _);
        }

        Assert.Equal(Enumerable.Range(Backlog, 20), buffer.GetHistory());
        Assert.Equal(Backlog + 20, buffer.Count);
    }

    [Fact]
    public void Writes_after_the_end_fail_and_what_was_buffered_stays_readable()
    {
        var buffer = new EventBuffer<int>(null, EventHistory.None);
        for (var i = 0; i < Backlog; i++)
        {
            buffer.TryWrite(i, out _);
        }

        buffer.Complete();

        Assert.Equal(WriteResult.Closed, buffer.TryWrite(-1, out _));
        Assert.Equal(Backlog, buffer.Count);
        Assert.Equal(0, TakeOne(buffer));
    }

    private static int TakeOne(EventBuffer<int> buffer)
    {
        Assert.Equal(TakeResult.Item, buffer.TakeOrWait(null!, wait: false, out var item, out _));
        return item;
    }
}

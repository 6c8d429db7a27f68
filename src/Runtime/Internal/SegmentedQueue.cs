namespace CancelGen.Internal;

/// <summary>
/// A first-in first-out queue made of linked arrays (segments), for <see cref="EventBuffer{TEvent}"/>. Not
/// thread-safe: its owner guards it.
/// </summary>
/// <remarks>
/// <para>
/// Unlike <see cref="Queue{T}"/>, growing never copies: a full tail segment gets a new segment linked after it, and a
/// backlog never needs one large array (segments stay far below the large-object heap for events of a reasonable
/// size). Segment sizes start small (a run with a few events pays for a few slots) and double up to
/// <see cref="MaxSegmentLength"/>.
/// </para>
/// <para>
/// A consumed segment is kept as a spare, up to <see cref="MaxSpareSegments"/>, and reused for the next segment: a
/// producer and a consumer that keep roughly level allocate nothing. Segments beyond that are released, so the memory
/// of a drained backlog does not stay at its peak. A single segment that empties is rewound in place.
/// </para>
/// <para>Dequeued slots are cleared, so the queue never keeps an event alive after handing it out.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class SegmentedQueue<T>
{
    /// <summary>The length of the first segment.</summary>
    public const int InitialSegmentLength = 16;

    /// <summary>The most slots in one segment.</summary>
    public const int MaxSegmentLength = 1024;

    /// <summary>The most consumed segments kept for reuse.</summary>
    public const int MaxSpareSegments = 2;

    private Segment _head;
    private Segment _tail;
    private Segment? _spare;
    private int _spareCount;
    private int _nextLength;
    private int _count;

    /// <summary>Creates an empty queue with one small segment.</summary>
    public SegmentedQueue()
    {
        _head = _tail = new Segment(InitialSegmentLength);
        _nextLength = Math.Min(InitialSegmentLength * 2, MaxSegmentLength);
    }

    /// <summary>How many items are queued.</summary>
    public int Count => _count;

    /// <summary>How many segments hold items or wait to (at least one).</summary>
    internal int SegmentCount
    {
        get
        {
            var n = 0;
            for (Segment? s = _head; s is not null; s = s.Next)
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>How many consumed segments are kept for reuse.</summary>
    internal int SpareSegmentCount => _spareCount;

    /// <summary>Adds <paramref name="item"/> at the end.</summary>
    public void Enqueue(T item)
    {
        var tail = _tail;
        var index = tail.End;
        var items = tail.Items;
        if ((uint)index < (uint)items.Length)
        {
            items[index] = item;
            tail.End = index + 1;
        }
        else
        {
            EnqueueInNewSegment(item);
        }

        _count++;
    }

    private void EnqueueInNewSegment(T item)
    {
        var segment = _spare;
        if (segment is not null)
        {
            _spare = segment.Next;
            segment.Next = null;
            _spareCount--;
        }
        else
        {
            segment = new Segment(_nextLength);
            _nextLength = Math.Min(_nextLength * 2, MaxSegmentLength);
        }

        segment.Items[0] = item;
        segment.End = 1;
        _tail.Next = segment;
        _tail = segment;
    }

    /// <summary>Removes and returns the first item.</summary>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public T Dequeue()
    {
        if (!TryDequeue(out var item))
        {
            throw new InvalidOperationException("The queue is empty.");
        }

        return item;
    }

    /// <summary>Removes the first item; <see langword="false"/> when the queue is empty.</summary>
    public bool TryDequeue(out T item)
    {
        var head = _head;
        var index = head.Start;
        if (index == head.End)
        {
            item = default!;
            return false;
        }

        var items = head.Items;
        item = items[index];
        items[index] = default!;
        index++;
        _count--;
        if (index == head.End)
        {
            Consumed(head);
        }
        else
        {
            head.Start = index;
        }

        return true;
    }

    // The head segment has handed out its last item: rewind it when it is the only one, otherwise unlink it.
    private void Consumed(Segment head)
    {
        head.Start = 0;
        head.End = 0;
        if (head.Next is not { } next)
        {
            return;
        }

        _head = next;
        head.Next = null;
        if (_spareCount < MaxSpareSegments)
        {
            head.Next = _spare;
            _spare = head;
            _spareCount++;
        }
        else if (_spare!.Items.Length < head.Items.Length)
        {
            // Keep the larger of the two: a backlog that drained leaves its small first segments behind.
            head.Next = _spare.Next;
            _spare.Next = null;
            _spare = head;
        }
    }

    /// <summary>Moves every item, in order, to the end of <paramref name="destination"/> and empties the queue.</summary>
    public void DrainTo(List<T> destination)
    {
        while (TryDequeue(out var item))
        {
            destination.Add(item);
        }
    }

    /// <summary>Removes every item, keeping the segments the queue may reuse and releasing the rest.</summary>
    public void Clear()
    {
        while (_count != 0)
        {
            TryDequeue(out _);
        }
    }

    /// <summary>A segment: an array, the range of it that holds items, and the next segment.</summary>
    private sealed class Segment
    {
        public readonly T[] Items;
        public int Start;
        public int End;
        public Segment? Next;

        public Segment(int length) => Items = new T[length];
    }
}

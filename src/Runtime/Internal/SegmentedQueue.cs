namespace CancelGen.Internal;

/// <summary>
/// A first-in first-out queue made of linked arrays (segments), for <see cref="EventBuffer{TEvent}"/>. Its owner
/// guards it with a lock, except that one consumer may take from the head segment without the lock
/// (<see cref="TryTakeFromHeadSegment"/>).
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
/// of a drained backlog does not stay at its peak. A single segment found empty under the lock is rewound in place.
/// </para>
/// <para>
/// Threads: every member but <see cref="TryTakeFromHeadSegment"/> and <see cref="Count"/> runs under the owner's
/// lock. <see cref="TryTakeFromHeadSegment"/> may run without it, on one consumer thread at a time, beside a writer
/// under the lock: the writer publishes a slot before the end index that covers it, the lock-free taker only moves
/// the start index of the head segment, and only the locked members move to another segment, rewind or recycle one.
/// The owner makes sure no locked member that removes items (<see cref="TryDequeue"/>, <see cref="DrainTo"/>,
/// <see cref="Clear"/>) overlaps a lock-free take.
/// </para>
/// <para>Taken slots are cleared, so the queue never keeps an event alive after handing it out.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class SegmentedQueue<T>
{
    /// <summary>The length of the first segment.</summary>
    public const int InitialSegmentLength = 4;

    /// <summary>The most slots in one segment.</summary>
    public const int MaxSegmentLength = 1024;

    /// <summary>The most consumed segments kept for reuse.</summary>
    public const int MaxSpareSegments = 2;

    // The consumer's side (the head, the taken count) and the writer's side (the tail, the spares, the added count).
    private Segment _head;
    private int _taken;
    private Segment _tail;
    private Segment? _spare;
    private int _spareCount;
    private int _nextLength;
    private int _added;

    /// <summary>Creates an empty queue with one small segment.</summary>
    public SegmentedQueue()
    {
        _head = _tail = new Segment(InitialSegmentLength);
        _nextLength = Math.Min(InitialSegmentLength * 2, MaxSegmentLength);
    }

    /// <summary>How many items are queued (exact under the owner's lock when no lock-free take runs; a hint otherwise).</summary>
    public int Count => unchecked(Volatile.Read(ref _added) - Volatile.Read(ref _taken));

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
            Volatile.Write(ref tail.End, index + 1);
        }
        else
        {
            EnqueueInNewSegment(item);
        }

        Volatile.Write(ref _added, unchecked(_added + 1));
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
        Volatile.Write(ref _tail.Next, segment);
        _tail = segment;
    }

    /// <summary>
    /// Takes the first item when it is in the head segment; <see langword="false"/> when the head segment has no item
    /// (the queue is empty, or the next item is in a later segment: <see cref="TryDequeue"/> moves on to it). The one
    /// member that may run without the owner's lock (see the remarks on <see cref="SegmentedQueue{T}"/>).
    /// </summary>
    public bool TryTakeFromHeadSegment(out T item)
    {
        var head = _head;
        var index = head.Start;
        if (index == Volatile.Read(ref head.End))
        {
            item = default!;
            return false;
        }

        var items = head.Items;
        item = items[index];
        items[index] = default!;
        head.Start = index + 1;
        Volatile.Write(ref _taken, unchecked(_taken + 1));
        return true;
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
        while (true)
        {
            var head = _head;
            if (TryTakeFromHeadSegment(out item))
            {
                if (head.Start == head.Items.Length && head.Next is not null)
                {
                    MoveToNextSegment(head);
                }

                return true;
            }

            if (head.Next is null)
            {
                // Empty: start the one segment over.
                head.Start = 0;
                head.End = 0;
                return false;
            }

            MoveToNextSegment(head);
        }
    }

    // The head segment has handed out its last item and a later one follows: unlink it, keeping it as a spare.
    private void MoveToNextSegment(Segment head)
    {
        _head = head.Next!;
        head.Next = null;
        head.Start = 0;
        head.End = 0;
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
        while (TryDequeue(out _))
        {
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

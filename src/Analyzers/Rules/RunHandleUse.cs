namespace CancelGen.Analyzers.Rules;

/// <summary>What one reference to a local holding a run does with it (see <see cref="RunHandleUses.Classify"/>).</summary>
internal enum RunHandleUse
{
    /// <summary>Looks at the run without ending or handing it on: <c>run.Status</c>, <c>run.Pause()</c>, <c>run == null</c>.</summary>
    Read,

    /// <summary>Stores a value in the local (<c>run = ...</c>).</summary>
    Written,

    /// <summary>Streams its events: <c>run.StreamEvents()</c>.</summary>
    Enumerated,

    /// <summary>Ends it: <c>Cancel</c>, <c>CancelAsync</c>, <c>DisposeAsync</c>, or a <c>using</c> statement over it.</summary>
    Released,

    /// <summary>
    /// Hands ownership on: returned, yielded, passed as an argument, stored anywhere else (field, property, another
    /// local, an array, a tuple, a collection), so disposing it is someone else's job.
    /// </summary>
    Escaped,
}

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>Which kind of run a scenario starts.</summary>
internal enum RunShape
{
    /// <summary><c>RunResultStreaming.Start</c> over an async iterator.</summary>
    Iterator,

    /// <summary><c>RunResultStreaming.Start</c> over code that calls <c>EmitAsync</c>.</summary>
    Emitter,

    /// <summary>The emitter form with a final output.</summary>
    EmitterWithOutput,

    /// <summary><c>IChatClient.StartStreamingRun</c> over <c>UseFunctionInvocation().UseStreamingRuns()</c> and a scripted model.</summary>
    ChatAdapter,
}

/// <summary>What one tracked task (or, for the adapter, one function call) does.</summary>
internal enum ToolKind
{
    /// <summary>Finishes after a yield.</summary>
    Finish,

    /// <summary>Throws a <see cref="ChaosFailureException"/>.</summary>
    Fail,

    /// <summary>Ends with an <see cref="OperationCanceledException"/> for a token of its own (a timeout).</summary>
    ForeignTimeout,

    /// <summary>Ignores its token for a while, then finishes.</summary>
    IgnoreToken,

    /// <summary>Waits until its token is cancelled (or the scenario settles).</summary>
    Hang,
}

/// <summary>How the run's events are read.</summary>
internal enum ConsumerKind
{
    /// <summary>Reads every event as it comes.</summary>
    Fast,

    /// <summary>Reads every event, waiting a little after each.</summary>
    Slow,

    /// <summary>Reads some events and leaves.</summary>
    StopEarly,

    /// <summary>Reads some, leaves, and a new consumer reads the rest.</summary>
    Reattach,

    /// <summary>Never reads while the actions happen.</summary>
    NeverRead,
}

/// <summary>What another thread does to the run at a random point.</summary>
internal enum ChaosActionKind
{
    Cancel,
    CancelAfterTurn,
    CancelAsync,
    DisposeAsync,
    Pause,
    Resume,
    CancelTask,
    StartToken,
    LinkedTimeout,
}

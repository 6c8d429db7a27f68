namespace CancelGen;

/// <summary>
/// Marks a method as the body of a streamed run. The CancelGen source generator then emits a
/// companion <c>...Streamed</c> method that starts the marked method as tracked work and returns a
/// <see cref="RunResultStreaming{TEvent}"/> handle.
/// </summary>
/// <remarks>
/// Two shapes are accepted: an <c>async IAsyncEnumerable&lt;TEvent&gt;</c> iterator (optionally taking a
/// <see cref="RunContext"/>) and a <c>Task</c>/<c>Task&lt;TOutput&gt;</c> method taking a
/// <see cref="RunContext{TEvent}"/> that emits events. The containing type must be <c>partial</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class StreamingRunAttribute : Attribute
{
    /// <summary>
    /// The name of the generated method. When not set, the marked method's name with a trailing
    /// <c>Async</c> removed and <c>Streamed</c> appended is used (<c>RunAsync</c> gives <c>RunStreamed</c>).
    /// </summary>
    public string? MethodName { get; set; }

    /// <summary>
    /// Which produced events the runs started by the generated method keep for progress saving
    /// (<see cref="RunOptions.EventHistory"/>). Default: <see cref="CancelGen.EventHistory.None"/>.
    /// </summary>
    public EventHistory EventHistory { get; set; }

    /// <summary>
    /// How many produced, unread events the runs started by the generated method buffer
    /// (<see cref="RunOptions.BufferCapacity"/>): <c>0</c> (the default) means unbounded; a positive number
    /// makes the run wait (backpressure) when that many events are unread. A negative value is reported by
    /// the generator (CG1017).
    /// </summary>
    public int BufferCapacity { get; set; }
}

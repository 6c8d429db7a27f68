namespace AgentConsole;

/// <summary>The simulated latencies of the offline model and tools.</summary>
/// <param name="Chunk">How long each streamed word takes.</param>
/// <param name="Tool">How long each tool call takes.</param>
internal sealed record DemoTiming(TimeSpan Chunk, TimeSpan Tool)
{
    /// <summary>Slow enough to watch, and to press Ctrl+C during a tool call.</summary>
    public static DemoTiming Interactive { get; } = new(TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(2500));

    /// <summary>The scripted demos without <c>--fast</c>: readable in a log, a few seconds in all.</summary>
    public static DemoTiming Scripted { get; } = new(TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(300));

    /// <summary>
    /// <c>--fast</c> (the tests): text at once, tool calls short. A demo acts at a tool's start on the tool's own
    /// call (<see cref="Tools.ToolCallLog.WhenStarted"/>), so it reaches the call in the middle whatever the timing.
    /// </summary>
    public static DemoTiming Fast { get; } = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(250));
}

namespace AgentConsole.Tools;

/// <summary>
/// Every tool call the tools have seen, in start order, and gates that open when a given number of
/// calls of a tool have started (the demos cancel at those points, no sleeps).
/// </summary>
internal sealed class ToolCallLog
{
    private readonly Lock _gate = new();
    private readonly List<ToolCallRecord> _calls = [];
    private readonly List<(string Tool, int Count, TaskCompletionSource Reached)> _waiters = [];

    /// <summary>A snapshot of the calls so far.</summary>
    public IReadOnlyList<ToolCallRecord> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The calls of <paramref name="tool"/> so far.</summary>
    public IReadOnlyList<ToolCallRecord> CallsOf(string tool) => [.. Calls.Where(c => c.Tool == tool)];

    /// <summary>Completes once <paramref name="count"/> calls of <paramref name="tool"/> have started.</summary>
    public Task WhenStarted(string tool, int count = 1)
    {
        lock (_gate)
        {
            if (_calls.Count(c => c.Tool == tool) >= count)
            {
                return Task.CompletedTask;
            }

            // Continuations run inline, on the tool's own call: a demo acting at this point acts before the tool
            // goes on, so a cancel lands in the middle of the call however busy the machine is.
            var reached = new TaskCompletionSource();
            _waiters.Add((tool, count, reached));
            return reached.Task;
        }
    }

    /// <summary>Records that a call started; returns its record for the outcome.</summary>
    public ToolCallRecord Started(string tool, string argument)
    {
        var record = new ToolCallRecord(tool, argument);
        List<TaskCompletionSource> reached;
        lock (_gate)
        {
            _calls.Add(record);
            var started = _calls.Count(c => c.Tool == tool);
            reached = [.. _waiters.Where(w => w.Tool == tool && w.Count <= started).Select(w => w.Reached)];
            _waiters.RemoveAll(w => w.Tool == tool && w.Count <= started);
        }

        reached.ForEach(r => r.SetResult());
        return record;
    }
}

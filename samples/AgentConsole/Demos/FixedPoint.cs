using CancelGen;

namespace AgentConsole.Demos;

/// <summary>Acts on a run at a fixed point of its script (a gate the tools open), not after a sleep.</summary>
internal static class FixedPoint
{
    /// <summary>
    /// Waits until <paramref name="reached"/> completes, then passes the run's tracked tasks of that moment
    /// to <paramref name="act"/> and returns them. Returns <see langword="null"/> without acting when the
    /// run ended first (so a demo that goes wrong ends with its verdict instead of hanging).
    /// </summary>
    public static async Task<IReadOnlyList<TrackedTaskInfo>?> ActAsync<TEvent>(
        RunResultStreaming<TEvent> run,
        Task reached,
        Action<IReadOnlyList<TrackedTaskInfo>> act)
    {
        if (await Task.WhenAny(reached, run.Completion).ConfigureAwait(false) != reached)
        {
            return null;
        }

        var tasks = run.TrackedTasks;
        act(tasks);
        return tasks;
    }
}

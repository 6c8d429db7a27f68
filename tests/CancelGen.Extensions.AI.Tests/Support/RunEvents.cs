namespace CancelGen.Extensions.AI.Tests.Support;

/// <summary>Reads a run's events in the background so a test can act while they arrive.</summary>
public static class RunEvents
{
    private static readonly TimeSpan s_testTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Collects every event until the stream ends (fails the test after 10 s).</summary>
    public static Task<List<TEvent>> CollectAsync<TEvent>(RunResultStreaming<TEvent> run) =>
        Task.Run(async () =>
        {
            var events = new List<TEvent>();
            await foreach (var item in run.StreamEvents())
            {
                events.Add(item);
            }

            return events;
        }).WaitAsync(s_testTimeout);

    /// <summary>Waits for a task with the test timeout.</summary>
    public static Task Within(this Task task) => task.WaitAsync(s_testTimeout);

    /// <summary>Waits for a task's result with the test timeout.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(s_testTimeout);

    /// <summary>The text of chat updates.</summary>
    public static string Text(this IEnumerable<ChatResponseUpdate> updates) => string.Concat(updates.Select(update => update.Text));

    /// <summary>The function results among chat updates, by call id.</summary>
    public static IReadOnlyDictionary<string, string?> FunctionResults(this IEnumerable<ChatResponseUpdate> updates) =>
        updates.SelectMany(update => update.Contents)
            .OfType<FunctionResultContent>()
            .ToDictionary(result => result.CallId, result => result.Result?.ToString());
}

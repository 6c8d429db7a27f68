namespace CancelGen.Internal;

/// <summary>Waits for a run to end without observing its fault.</summary>
internal static class RunEnd
{
    public static Task WaitAsync<TEvent>(RunResultStreaming<TEvent> run) =>
        run.Completion.ContinueWith(
            static _ => { },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>The work of one tracked task (or function call) of each <see cref="ToolKind"/>.</summary>
internal static class ChaosTools
{
    /// <summary>Whether a task of this kind may be the target of <c>CancelTask</c>: a task cancelled alone may end any way it likes, so a failing one would hide its failure by design.</summary>
    public static bool MayBeCancelledAlone(string taskName) =>
        !taskName.StartsWith(nameof(ToolKind.Fail), StringComparison.Ordinal) &&
        !taskName.StartsWith(nameof(ToolKind.ForeignTimeout), StringComparison.Ordinal);

    public static string Name(ToolKind kind, int turn, int index) => $"{kind}_{turn}_{index}";

    /// <summary>
    /// Runs one tool. <paramref name="failuresFailTheRun"/>: whether a failure of it is a failure of the run (runtime
    /// tracked tasks) or not (adapter function calls, whose failures go to the model); only the former are recorded.
    /// </summary>
    public static async Task<string> RunAsync(ToolKind kind, ChaosRecorder recorder, bool failuresFailTheRun, CancellationToken token)
    {
        recorder.ToolStarted();
        try
        {
            switch (kind)
            {
                case ToolKind.Finish:
                    await Task.Yield();
                    break;
                case ToolKind.Fail:
                    await Task.Yield();
                    token.ThrowIfCancellationRequested();
                    var failure = new ChaosFailureException("a tool failed");
                    throw failuresFailTheRun ? recorder.Throwing(failure) : failure;
                case ToolKind.ForeignTimeout:
                    await Task.Yield();
                    token.ThrowIfCancellationRequested();
                    using (var ownTimeout = new CancellationTokenSource())
                    {
                        ownTimeout.Cancel();
                        var timeout = new OperationCanceledException("a tool's own timeout", ownTimeout.Token);
                        throw failuresFailTheRun ? recorder.Throwing(timeout) : timeout;
                    }

                case ToolKind.IgnoreToken:
                    await Task.Delay(1, CancellationToken.None);
                    break;
                case ToolKind.Hang:
                    await recorder.Settled.WaitAsync(token);
                    break;
            }

            return kind.ToString();
        }
        finally
        {
            recorder.ToolEnded();
        }
    }
}

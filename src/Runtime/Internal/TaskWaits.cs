namespace CancelGen.Internal;

/// <summary>Waiting on a task with a token, on every target framework.</summary>
internal static class TaskWaits
{
    /// <summary>Completes when <paramref name="task"/> does, or throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled first.</summary>
    public static Task WaitOrCancelAsync(this Task task, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return task.WaitAsync(cancellationToken);
#else
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return task;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        return WaitSlowAsync(task, cancellationToken);

        static async Task WaitSlowAsync(Task task, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            await task.ConfigureAwait(false);
        }
#endif
    }
}

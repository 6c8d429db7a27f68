namespace CancelGen.Internal;

/// <summary>Reads the exception an ended task carries, whether it faulted or was cancelled.</summary>
internal static class TaskFailures
{
    /// <summary>
    /// The first exception of a faulted <paramref name="task"/>; for a cancelled one, the
    /// <see cref="OperationCanceledException"/> that cancelled it (with the token it was thrown for);
    /// <see langword="null"/> for a task that ran to completion.
    /// </summary>
    public static Exception? Of(Task task)
    {
        switch (task.Status)
        {
            case TaskStatus.Faulted:
                return task.Exception!.InnerException;
            case TaskStatus.Canceled:
                try
                {
                    // Rethrows the cancellation the task ended with: the original exception of an async method, or one that names the task's token.
                    task.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException cancellation)
                {
                    return cancellation;
                }

                return new OperationCanceledException("The task was cancelled.");
            default:
                return null;
        }
    }
}

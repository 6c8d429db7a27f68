using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace CancelGen.Internal;

/// <summary>
/// Makes the function calls of a <see cref="FunctionInvokingChatClient"/> tracked tasks of the run they belong to.
/// Installed once per <see cref="FunctionInvokingChatClient"/> as its <see cref="FunctionInvokingChatClient.FunctionInvoker"/>,
/// chaining any invoker already set. Outside a run it invokes exactly as before.
/// </summary>
internal static class TrackedFunctionInvoker
{
    private static readonly ConditionalWeakTable<FunctionInvokingChatClient, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>> s_installed = new();
    private static readonly object s_gate = new();

    /// <summary>Installs the tracking invoker on <paramref name="client"/> unless it is already there.</summary>
    /// <param name="client">The function-invoking client of a pipeline that has a <see cref="StreamingRunsChatClient"/>.</param>
    public static void EnsureInstalled(FunctionInvokingChatClient client)
    {
        lock (s_gate)
        {
            if (s_installed.TryGetValue(client, out var installed) && ReferenceEquals(client.FunctionInvoker, installed))
            {
                return;
            }

            var previous = client.FunctionInvoker;
            Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> invoker =
                (context, cancellationToken) => InvokeAsync(context, previous, cancellationToken);
            client.FunctionInvoker = invoker;
            s_installed.Remove(client);
            s_installed.Add(client, invoker);
        }
    }

    /// <summary>The function result the model receives for a call cancelled alone with <c>CancelTask</c>.</summary>
    /// <param name="functionName">The function's name.</param>
    /// <returns>The result text.</returns>
    public static string CancelledResult(string functionName) =>
        $"The call to {functionName} was cancelled before it finished.";

    private static ValueTask<object?> InvokeAsync(
        FunctionInvocationContext context,
        Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? previous,
        CancellationToken cancellationToken)
    {
        var scope = StreamingRunScope.Current;
        if (scope is null)
        {
            return InvokeUntracked(context, previous, cancellationToken);
        }

        return InvokeTrackedAsync(scope.Run, context, previous, cancellationToken);
    }

    private static ValueTask<object?> InvokeUntracked(
        FunctionInvocationContext context,
        Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? previous,
        CancellationToken cancellationToken) =>
        previous is null ? context.Function.InvokeAsync(context.Arguments, cancellationToken) : previous(context, cancellationToken);

    private static async ValueTask<object?> InvokeTrackedAsync(
        RunContext run,
        FunctionInvocationContext context,
        Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? previous,
        CancellationToken cancellationToken)
    {
        var name = context.Function.Name;
        var started = new StrongBox<CancellationToken>();
        var call = run.Run(
            async taskToken =>
            {
                started.Value = taskToken;

                // The function is not part of the run's chat pipeline: a client it calls counts no turns of this run.
                StreamingRunScope.Current = null;
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(taskToken, cancellationToken);
                try
                {
                    return FunctionCallOutcome.Returned(await InvokeUntracked(context, previous, linked.Token).ConfigureAwait(false));
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && linked.IsCancellationRequested))
                {
                    // A failing function is reported to the model by the FunctionInvokingChatClient, as without a run;
                    // it is not a failure of the run's own work.
                    return FunctionCallOutcome.Threw(ex);
                }
            },
            name);

        FunctionCallOutcome outcome;
        try
        {
            outcome = await call.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (
            !run.CancellationToken.IsCancellationRequested &&
            !cancellationToken.IsCancellationRequested &&
            (!started.Value.CanBeCanceled || started.Value.IsCancellationRequested))
        {
            // This call alone was cancelled (CancelTask): tell the model and let the run go on.
            return CancelledResult(name);
        }

        return outcome.GetResult();
    }
}

using Microsoft.Agents.AI.Workflows;

namespace CancelGen.Benchmarks.Runtime;

/// <summary>
/// The Agent Framework peer of the runtime benchmarks: a workflow of one executor that emits events, run with
/// <see cref="InProcessExecution.RunStreamingAsync{TInput}(Workflow, TInput, string?, CancellationToken)"/> and read with
/// <see cref="StreamingRun.WatchStreamAsync(CancellationToken)"/>.
/// </summary>
internal static class AgentFrameworkPeer
{
    /// <summary>One executor: given N, emits N <see cref="TickEvent"/>s.</summary>
    public static Workflow EmitN() =>
        new WorkflowBuilder(
                ((Func<int, IWorkflowContext, CancellationToken, ValueTask>)(async (count, context, cancellationToken) =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        await context.AddEventAsync(new TickEvent(i), cancellationToken);
                    }
                })).BindAsExecutor("emit"))
            .Build();

    /// <summary>One executor: emits one <see cref="TickEvent"/>, then waits until cancelled.</summary>
    public static Workflow EmitOneThenWait() =>
        new WorkflowBuilder(
                ((Func<int, IWorkflowContext, CancellationToken, ValueTask>)(async (_, context, cancellationToken) =>
                {
                    await context.AddEventAsync(new TickEvent(0), cancellationToken);
                    await Waits.UntilCancelled(cancellationToken);
                })).BindAsExecutor("emit-then-wait"))
            .Build();

    /// <summary>Reads a run to its end and sums the ticks.</summary>
    public static async Task<long> SumTicksAsync(Workflow workflow, int count)
    {
        await using var run = await InProcessExecution.RunStreamingAsync(workflow, count);
        long sum = 0;
        await foreach (var e in run.WatchStreamAsync())
        {
            if (e is TickEvent tick)
            {
                sum += tick.Value;
            }
        }

        return sum;
    }
}

/// <summary>The event the peer's executor emits.</summary>
internal sealed class TickEvent(int value) : WorkflowEvent(value)
{
    public int Value { get; } = value;
}

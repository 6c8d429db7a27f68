using System.Runtime.CompilerServices;

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>
/// Starts the runtime shapes of a scenario (iterator, emitter, emitter with output). Each turn starts its tools (as
/// <c>Run</c> or as <c>Track</c> of started work), produces its events 0, 1, 2... in order, may hold until the scenario
/// settles, and passes <c>EndTurnAsync</c>; the code may fail at its last turn.
/// </summary>
internal static class RuntimeRuns
{
    public const string FinalOutputValue = "done";

    public static StartedRun<int> Start(ChaosScenario scenario, ChaosRecorder recorder, CancellationToken startToken)
    {
        var options = new RunOptions { BufferCapacity = scenario.Capacity, EventHistory = EventHistory.All, Name = $"chaos-{scenario.Seed}" };
        Task? finalOutput = null;
        RunResultStreaming<int> run;
        switch (scenario.Shape)
        {
            case RunShape.Iterator:
                run = RunResultStreaming.Start((ctx, ct) => IterateAsync(scenario, recorder, ctx, ct), options, startToken);
                break;
            case RunShape.Emitter:
                run = RunResultStreaming.Start<int>((ctx, ct) => EmitAsync(scenario, recorder, ctx, ct), options, startToken);
                break;
            default:
                var withOutput = RunResultStreaming.Start<int, string>(
                    async (ctx, ct) =>
                    {
                        await EmitAsync(scenario, recorder, ctx, ct);
                        return FinalOutputValue;
                    },
                    options,
                    startToken);
                finalOutput = withOutput.FinalOutput;
                run = withOutput;
                break;
        }

        return new StartedRun<int>(run, finalOutput, (recorded, status) => CheckRecorded(scenario, recorder, recorded, status), () => { });
    }

    private static string? CheckRecorded(ChaosScenario scenario, ChaosRecorder recorder, IReadOnlyList<int> recorded, RunStatus status)
    {
        if (!recorded.SequenceEqual(Enumerable.Range(0, recorded.Count)))
        {
            return $"recorded events are not 0..n-1 in order: {string.Join(",", recorded)}";
        }

        if (status == RunStatus.Completed && recorded.Count != scenario.TotalEvents)
        {
            return $"completed with {recorded.Count} of {scenario.TotalEvents} events recorded";
        }

        // Stopped after a turn only: the turn in progress finished whole.
        var stoppedAfterTurn = status == RunStatus.Cancelled && !recorder.ImmediateStopIssued;
        return stoppedAfterTurn && scenario.EventsPerTurn > 0 && recorded.Count % scenario.EventsPerTurn != 0
            ? $"stopped after a turn with {recorded.Count} events, not whole turns of {scenario.EventsPerTurn}"
            : null;
    }

    private static async Task EmitAsync(ChaosScenario scenario, ChaosRecorder recorder, RunContext<int> ctx, CancellationToken ct)
    {
        var next = 0;
        for (var turn = 0; turn < scenario.Turns; turn++)
        {
            StartTools(scenario, recorder, ctx, turn);
            for (var e = 0; e < scenario.EventsPerTurn; e++)
            {
                await ctx.EmitAsync(next++);
            }

            await EndOfTurnAsync(scenario, recorder, ctx, turn, ct);
        }
    }

    private static async IAsyncEnumerable<int> IterateAsync(ChaosScenario scenario, ChaosRecorder recorder, RunContext ctx, [EnumeratorCancellation] CancellationToken ct)
    {
        var next = 0;
        for (var turn = 0; turn < scenario.Turns; turn++)
        {
            StartTools(scenario, recorder, ctx, turn);
            for (var e = 0; e < scenario.EventsPerTurn; e++)
            {
                yield return next++;
            }

            await EndOfTurnAsync(scenario, recorder, ctx, turn, ct);
        }
    }

    private static async Task EndOfTurnAsync(ChaosScenario scenario, ChaosRecorder recorder, RunContext ctx, int turn, CancellationToken ct)
    {
        if (turn == scenario.HoldAtTurn)
        {
            await recorder.Settled.WaitAsync(ct);
        }

        if (scenario.CodeFails && turn == scenario.Turns - 1)
        {
            ct.ThrowIfCancellationRequested();
            throw recorder.Throwing(new ChaosFailureException("the run's code failed"));
        }

        await ctx.EndTurnAsync();
    }

    private static void StartTools(ChaosScenario scenario, ChaosRecorder recorder, RunContext ctx, int turn)
    {
        var tools = scenario.Tools[turn];
        for (var i = 0; i < tools.Length; i++)
        {
            var kind = tools[i];
            var name = ChaosTools.Name(kind, turn, i);
            if (i % 2 == 0)
            {
                _ = ctx.Run(token => ChaosTools.RunAsync(kind, recorder, failuresFailTheRun: true, token), name);
            }
            else
            {
                _ = ctx.Track(ChaosTools.RunAsync(kind, recorder, failuresFailTheRun: true, ctx.CancellationToken), name);
            }
        }
    }
}

using AgentConsole.Agent;
using AgentConsole.Output;

namespace AgentConsole.Demos;

/// <summary>The demos the sample runs without a terminal (CI, a pipe, <c>--fast</c>): each cancels at a fixed point.</summary>
internal static class ScriptedDemos
{
    /// <summary>The demos, in the order they run.</summary>
    public static IReadOnlyList<IScriptedDemo> All { get; } =
    [
        new FullRunDemo(),
        new AfterTurnCancelDemo(),
        new ImmediateCancelDemo(),
        new PartialCancelDemo(),
        new PlannerAfterTurnDemo(),
    ];

    /// <summary>Runs every demo on its own stack; returns how many did not show what they should.</summary>
    public static async Task<int> RunAllAsync(TranscriptPrinter printer, DemoTiming timing, TimeProvider timeProvider)
    {
        var failures = 0;
        for (var i = 0; i < All.Count; i++)
        {
            var demo = All[i];
            printer.Heading($"{i + 1}. {demo.Title}");
            var stack = WeatherStack.Create(timing, timeProvider);
            var held = await demo.RunAsync(stack, printer).ConfigureAwait(false);
            printer.ToolCalls(stack.Tools.Log);
            failures += held ? 0 : 1;
        }

        return failures;
    }
}

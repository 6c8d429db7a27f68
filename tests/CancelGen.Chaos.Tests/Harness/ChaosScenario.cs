namespace CancelGen.Chaos.Tests.Harness;

/// <summary>Everything one chaos run does, drawn from its seed: replaying the seed replays the scenario.</summary>
internal sealed record ChaosScenario(
    int Seed,
    RunShape Shape,
    int Turns,
    int EventsPerTurn,
    int? Capacity,
    ToolKind[][] Tools,
    int HoldAtTurn,
    bool CodeFails,
    bool ConcurrentCalls,
    ConsumerKind Consumer,
    int ConsumerLeavesAfter,
    ChaosAction[] Actions)
{
    /// <summary>The events a run that completes produces (runtime shapes).</summary>
    public int TotalEvents => Turns * EventsPerTurn;

    /// <summary>A scenario kind: shape, consumer, the set of actions and of tool kinds (for the distinct-kinds count).</summary>
    public string Kind =>
        $"{Shape}/{Consumer}/{string.Join("+", Actions.Select(a => a.Kind).Distinct().Order())}/{string.Join("+", Tools.SelectMany(t => t).Distinct().Order())}{(CodeFails ? "/code-fails" : "")}";

    public static ChaosScenario Generate(int seed)
    {
        var random = new Random(seed);
        var shape = (RunShape)random.Next(Enum.GetValues<RunShape>().Length);
        var turns = random.Next(1, 4);
        var tools = new ToolKind[turns][];
        for (var turn = 0; turn < turns; turn++)
        {
            tools[turn] = new ToolKind[random.Next(0, 3)];
            for (var i = 0; i < tools[turn].Length; i++)
            {
                tools[turn][i] = (ToolKind)random.Next(Enum.GetValues<ToolKind>().Length);
            }
        }

        var actions = new ChaosAction[random.Next(0, 4)];
        for (var i = 0; i < actions.Length; i++)
        {
            var sleeps = random.Next(4) == 0;
            actions[i] = new ChaosAction((ChaosActionKind)random.Next(Enum.GetValues<ChaosActionKind>().Length), sleeps ? random.Next(0, 3) : random.Next(0, 40), sleeps);
        }

        return new ChaosScenario(
            seed,
            shape,
            turns,
            EventsPerTurn: random.Next(0, 5),
            Capacity: random.Next(2) == 0 ? random.Next(1, 4) : null,
            tools,
            HoldAtTurn: random.Next(-1, turns),
            CodeFails: random.Next(12) == 0,
            ConcurrentCalls: random.Next(2) == 0,
            Consumer: (ConsumerKind)random.Next(Enum.GetValues<ConsumerKind>().Length),
            ConsumerLeavesAfter: random.Next(0, 6),
            actions);
    }

    public string Describe() =>
        $"seed {Seed}: {Shape}, {Turns} turn(s) of {EventsPerTurn} event(s), buffer {(Capacity?.ToString() ?? "unbounded")}, " +
        $"tools [{string.Join(" | ", Tools.Select(t => string.Join(",", t)))}], hold at turn {HoldAtTurn}, code fails {CodeFails}, " +
        $"concurrent calls {ConcurrentCalls}, consumer {Consumer} (leaves after {ConsumerLeavesAfter}), actions [{string.Join(", ", Actions)}]";
}

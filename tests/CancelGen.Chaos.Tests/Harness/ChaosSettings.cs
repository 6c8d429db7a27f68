namespace CancelGen.Chaos.Tests.Harness;

/// <summary>
/// The harness's knobs, read from the environment: <c>CANCELGEN_CHAOS_SEED</c> (the first run's seed; run i uses seed + i),
/// <c>CANCELGEN_CHAOS_RUNS</c> (how many runs; the short CI mode by default) and <c>CANCELGEN_CHAOS_MEMORY_RUNS</c>.
/// </summary>
internal static class ChaosSettings
{
    /// <summary>The seed the short mode starts from.</summary>
    public const int DefaultSeed = 20261201;

    /// <summary>Runs in the short (CI) mode.</summary>
    public const int DefaultRuns = 20_000;

    /// <summary>Runs started, cancelled and dropped by the memory test.</summary>
    public const int DefaultMemoryRuns = 100_000;

    public static int Seed => Read("CANCELGEN_CHAOS_SEED", DefaultSeed);

    public static int Runs => Read("CANCELGEN_CHAOS_RUNS", DefaultRuns);

    /// <summary>How many times each scenario is played in a row (<c>CANCELGEN_CHAOS_REPEAT</c>, default 1): replaying a seed many times reproduces a rare interleaving.</summary>
    public static int Repeat => Math.Max(1, Read("CANCELGEN_CHAOS_REPEAT", 1));

    public static int MemoryRuns => Read("CANCELGEN_CHAOS_MEMORY_RUNS", DefaultMemoryRuns);

    /// <summary>How long any single wait of a run may take before it counts as a hang.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    /// <summary>The longest a probe work item may wait for a thread-pool thread before the pool counts as starved.</summary>
    public static readonly TimeSpan StarvationBound = TimeSpan.FromSeconds(2);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>
/// How much of the corpus a run covers. By default (CI) every input whole plus a seeded sample of its mutations;
/// with <c>CANCELGEN_CORPUS=full</c> every mutation of every input (see README.md, "Long test modes").
/// </summary>
internal static class CorpusMode
{
    /// <summary>The environment variable that selects the full corpus.</summary>
    public static readonly string Variable = "CANCELGEN_CORPUS";

    /// <summary>Whether the full corpus runs.</summary>
    public static bool Full { get; } = string.Equals(Environment.GetEnvironmentVariable(Variable), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The size of a huge input in this mode: <paramref name="fullSize"/> (10,000 statements, 5,000 methods) in the
    /// full corpus, a fifth of it by default, where the compiler's own binding of it would take most of CI's budget.
    /// Nesting is cheap and always runs at full depth. Scaling is measured by HostileInputScalingBenchmarks.
    /// </summary>
    public static int HugeSize(int fullSize) => Full ? fullSize : fullSize / 5;

    /// <summary>Mutations kept per input in the default mode, drawn with the input's seed from all its mutations.</summary>
    public static int SampledMutationsPerInput => 2;
}

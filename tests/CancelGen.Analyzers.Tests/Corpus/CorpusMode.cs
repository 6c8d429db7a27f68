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

    /// <summary>Mutations kept per input in the default mode, drawn with the input's seed from all its mutations.</summary>
    public static int SampledMutationsPerInput => 2;
}

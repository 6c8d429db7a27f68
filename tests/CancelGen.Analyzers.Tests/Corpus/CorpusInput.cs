namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>One program of the hostile-input corpus: where it comes from, its text, and what must hold for it beyond "nothing throws".</summary>
/// <param name="Name">Where the input comes from (file and line, shape and container, mutation and seed), printed on failure.</param>
/// <param name="Source">The C# text.</param>
/// <param name="Expectation">What the compilation must look like once the generator ran.</param>
/// <param name="IsMutation">Whether the text is a mutation of another input (fixes are then only run, not checked for new errors).</param>
internal sealed record CorpusInput(string Name, string Source, CorpusExpectation Expectation, bool IsMutation = false)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>What an input's compilation (after the generator) must look like.</summary>
internal enum CorpusExpectation
{
    /// <summary>Anything: the input may be broken; only crashes and errors inside generated files count.</summary>
    Anything,

    /// <summary>No compiler error at all: the input is valid C# whose wrapper calls the generator satisfies.</summary>
    Compiles,

    /// <summary>Rejected with a reason: a generator diagnostic (CG1xxx) or a compiler error, never silence.</summary>
    Rejected,
}

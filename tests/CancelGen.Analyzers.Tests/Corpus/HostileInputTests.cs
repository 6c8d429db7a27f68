using CancelGen.Benchmarks;
using Xunit.Abstractions;

namespace CancelGen.Analyzers.Tests.Corpus;

/// <summary>
/// The hostile-input corpus: every test input and sample, broken by seeded mutations, every <c>[StreamingRun]</c>
/// shape in every kind of containing type, unusual identifiers, <c>#if</c> branches and inputs of extreme size,
/// each put through the generator, every analyzer and every code fix (<see cref="CorpusChecker"/>). By default a
/// seeded sample of the mutations runs; <c>CANCELGEN_CORPUS=full</c> runs all of them. Time is not asserted here:
/// <c>HostileInputScalingBenchmarks</c> measures it.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    [Fact]
    public Task Rule_test_inputs_and_their_mutations_break_nothing() => CheckWithMutationsAsync(CorpusSources.RuleTestInputs());

    [Fact]
    public Task Generator_test_inputs_and_their_mutations_break_nothing() => CheckWithMutationsAsync(CorpusSources.GeneratorTestInputs());

    [Fact]
    public Task Sample_files_and_their_mutations_break_nothing() => CheckWithMutationsAsync(CorpusSources.SampleFiles());

    [Fact]
    public Task Every_shape_in_every_kind_of_containing_type_is_generated_or_refused_with_a_diagnostic() =>
        CheckWithMutationsAsync(ContainerMatrix.Inputs(), mutate: CorpusMode.Full);

    [Fact]
    public Task Unicode_escaped_and_verbatim_keyword_identifiers_generate_code_that_compiles() =>
        CheckWithMutationsAsync(IdentifierInputs.Inputs());

    [Fact]
    public Task Every_if_branch_generates_code_that_compiles() => CheckWithMutationsAsync(PreprocessorInputs.Inputs());

    [Fact]
    public Task A_method_of_ten_thousand_statements_breaks_nothing() =>
        CheckWithMutationsAsync([new CorpusInput("huge method", HostileInputs.HugeMethod(CorpusMode.HugeSize(HostileInputs.HugeMethodStatements)), CorpusExpectation.Compiles)], mutate: false);

    [Fact]
    public Task Blocks_nested_five_hundred_deep_break_nothing() =>
        CheckWithMutationsAsync([new CorpusInput("deep nesting", HostileInputs.DeepNesting(HostileInputs.DeepNestingLevels), CorpusExpectation.Compiles)], mutate: false);

    [Fact]
    public Task Five_thousand_marked_methods_in_one_file_break_nothing() =>
        CheckWithMutationsAsync([new CorpusInput("many methods", HostileInputs.ManyMethods(CorpusMode.HugeSize(HostileInputs.ManyMethodsCount)), CorpusExpectation.Compiles)], mutate: false);

    [Fact]
    public void The_corpus_sources_are_found()
    {
        Assert.NotEmpty(CorpusSources.RuleTestInputs());
        Assert.Contains(CorpusSources.GeneratorTestInputs(), static input => input.Expectation == CorpusExpectation.Compiles);
        Assert.Contains(CorpusSources.SampleFiles(), static input => input.Name.StartsWith("samples/AgentConsole/", StringComparison.Ordinal));
        Assert.Contains(CorpusSources.SampleFiles(), static input => input.Name.StartsWith("samples/LeakyAgent/", StringComparison.Ordinal));
        Assert.All(ContainerMatrix.Containers, static container =>
            Assert.Contains(ContainerMatrix.Inputs(), input => input.Name.EndsWith(" in " + container.Kind, StringComparison.Ordinal)));
    }

    [Fact]
    public void Mutations_are_the_same_on_every_run()
    {
        var input = CorpusSources.RuleTestInputs()[0];

        var first = Mutator.Mutate(input).ToList();
        var second = Mutator.Mutate(input).ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(static m => m.Source), second.Select(static m => m.Source));
        Assert.All(first, static m => Assert.True(m.IsMutation));
    }

    private async Task CheckWithMutationsAsync(IReadOnlyList<CorpusInput> inputs, bool mutate = true)
    {
        var all = mutate ? [.. inputs, .. inputs.SelectMany(Mutator.Mutate)] : inputs.ToList();
        output.WriteLine($"{inputs.Count} inputs, {all.Count - inputs.Count} mutations ({(CorpusMode.Full ? "full corpus" : $"seeded sample; {CorpusMode.Variable}=full for all")})");

        var failures = await CorpusChecker.CheckAllAsync(all);

        Assert.True(failures.IsEmpty, $"{failures.Length} failure(s) in {all.Count} inputs:\n\n" + string.Join("\n\n", failures.Take(5)));
    }
}

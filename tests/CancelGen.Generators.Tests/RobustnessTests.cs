using System.Collections.Concurrent;
using CancelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Generators.Tests;

/// <summary>
/// Broken input never makes the generator throw (CS8785), and what it generates never has errors of its own:
/// every test input, truncated at many points, with random (seeded) token deletions and duplications.
/// </summary>
public class RobustnessTests
{
    private const int TruncationsPerInput = 80;
    private const int DeletionVariantsPerInput = 80;
    private const int DuplicationVariantsPerInput = 40;

    /// <summary>Misuses of every kind in one file, so that the diagnostic paths are mutated too.</summary>
    internal const string Misuses = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        namespace Misuse;

        public class NotPartial
        {
            [StreamingRun] public Task LogAsync(RunContext<string> run) => Task.CompletedTask;
        }

        public abstract partial class Mixed : IDisposable
        {
            [StreamingRun] public int Wrong() => 0;
            [StreamingRun] public IAsyncEnumerable<int> NotAsync(IAsyncEnumerable<int> s) => s;
            [StreamingRun] public async IAsyncEnumerable<string> Typed(RunContext<int> run) { await run.EmitAsync(1); yield return ""; }
            [StreamingRun] public Task<string> NoContext(string q) => Task.FromResult(q);
            [StreamingRun] public Task Tokens(RunContext<int> r, CancellationToken a, CancellationToken b) => Task.CompletedTask;
            [StreamingRun] public Task Contexts(RunContext<int> r, RunContext o) => Task.CompletedTask;
            [StreamingRun] public Task Refs(RunContext<int> r, ref int a, ReadOnlySpan<char> s) => Task.CompletedTask;
            [StreamingRun] public async void Void(RunContext<int> r) => await r.EmitAsync(1);
            [StreamingRun] public abstract IAsyncEnumerable<int> Abstract();
            [StreamingRun] public partial Task Partial(RunContext<int> r);
            [StreamingRun(MethodName = "1x")] public Task Named(RunContext<int> r) => Task.CompletedTask;
            [StreamingRun(BufferCapacity = -1)] public Task Buffered(RunContext<int> r) => Task.CompletedTask;
            [StreamingRun] Task IDisposableLike() => Task.CompletedTask;
            public void Dispose()
            {
                [StreamingRun] static Task Local(RunContext<int> r) => Task.CompletedTask;
                Func<RunContext<int>, Task> f = [StreamingRun] async (RunContext<int> r) => await r.EmitAsync(1);
                _ = Local(null!);
            }

            [StreamingRun] public Task Clash(RunContext<int> r) => Task.CompletedTask;
            public int ClashStreamed => 0;
        }

        public partial struct Value
        {
            [StreamingRun] public async IAsyncEnumerable<int> RunAsync() { await Task.Yield(); yield return 1; }
        }

        public partial interface IRun
        {
            [StreamingRun] static Task LogAsync(RunContext<string> run) => Task.CompletedTask;
        }
        """;

    public static TheoryData<string> InputNames => [.. Shapes.All.Keys, nameof(Misuses)];

    [Theory]
    [MemberData(nameof(InputNames))]
    public void Truncated_and_mutated_inputs_never_crash_the_generator(string inputName)
    {
        var input = inputName == nameof(Misuses) ? Misuses : Shapes.All[inputName];
        var variants = new List<string>();

        // Truncations at evenly spread points (and the very ends).
        for (var i = 0; i <= TruncationsPerInput; i++)
        {
            variants.Add(input[..(int)((long)input.Length * i / TruncationsPerInput)]);
        }

        // Random token deletions, seeded by the input's name so a failure reproduces.
        var tokens = CSharpSyntaxTree.ParseText(input, GeneratorHarness.ParseOptions).GetRoot().DescendantTokens().ToList();
        var random = new Random(inputName.Aggregate(17, static (h, c) => unchecked((h * 31) + c)));
        for (var v = 0; v < DeletionVariantsPerInput; v++)
        {
            var deleted = new HashSet<int>();
            var count = random.Next(1, 5);
            for (var d = 0; d < count; d++)
            {
                deleted.Add(random.Next(tokens.Count));
            }

            variants.Add(string.Concat(tokens.Select((t, i) => deleted.Contains(i) ? t.LeadingTrivia.ToFullString() + t.TrailingTrivia.ToFullString() : t.ToFullString())));
        }

        // Random token duplications (a repeated modifier, parenthesis, identifier...), same seed.
        for (var v = 0; v < DuplicationVariantsPerInput; v++)
        {
            var duplicated = random.Next(tokens.Count);
            variants.Add(string.Concat(tokens.Select((t, i) => i == duplicated ? t.ToFullString() + " " + t.ToFullString() : t.ToFullString())));
        }

        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(variants, variant =>
        {
            var problem = Check(variant);
            if (problem is not null)
            {
                failures.Add(problem + "\n--- input ---\n" + variant);
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n\n=====\n\n", failures.Take(3)));
    }

    [Fact]
    public void A_method_declared_twice_in_a_base_type_leaves_the_compiler_error_alone()
    {
        // Found by the hostile-input corpus: an enum left open swallowed nothing, and its member landed in the base
        // class as a second RunAsync(string) (CS0111); an override's wrapper would then call an ambiguous method.
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using CancelGen;

            namespace Agents;

            internal partial class BaseAgent
            {
                [StreamingRun]
                public virtual async IAsyncEnumerable<string> RunAsync(string input) { await Task.Yield(); yield return input; }

                [StreamingRun]
                public virtual async IAsyncEnumerable<string> RunAsync(string input) { await Task.Yield(); yield return input; }
            }

            internal sealed partial class DerivedAgent : BaseAgent
            {
                [StreamingRun]
                public override async IAsyncEnumerable<string> RunAsync(string input) { await Task.Yield(); yield return input; }
            }
            """;

        var outcome = GeneratorHarness.Run(source);

        Assert.Null(Check(source));
        Assert.Empty(outcome.OutputCompilation.SyntaxTrees.Skip(1));
        Assert.Contains(outcome.OutputCompilation.GetDiagnostics(), static d => d.Id == "CS0111");
    }

    private static string? Check(string source)
    {
        var outcome = GeneratorHarness.Run(source);
        if (outcome.Result.Exception is { } exception)
        {
            return "The generator threw: " + exception;
        }

        if (outcome.GeneratorDiagnostics.FirstOrDefault(static d => d.Id is "CS8784" or "CS8785") is { } crash)
        {
            return "The driver reported " + crash;
        }

        // What was generated must stand on its own: no syntax errors and no errors located in generated files.
        var generatedTrees = outcome.OutputCompilation.SyntaxTrees.Skip(1).ToList();
        foreach (var tree in generatedTrees)
        {
            var errors = outcome.OutputCompilation.GetSemanticModel(tree).GetDiagnostics()
                .Where(static d => d.Severity == DiagnosticSeverity.Error)
                .ToList();
            if (errors.Count > 0)
            {
                return $"Generated '{tree.FilePath}' has errors: {string.Join("; ", errors)}\n--- generated ---\n{tree}";
            }
        }

        return null;
    }
}

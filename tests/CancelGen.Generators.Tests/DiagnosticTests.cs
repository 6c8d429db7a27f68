using CancelGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static CancelGen.Generators.Tests.Support.GeneratorVerifier;

namespace CancelGen.Generators.Tests;

/// <summary>Every CG1xxx: where it points and what it says. The wrapper is never generated for a method that has one.</summary>
public class DiagnosticTests
{
    [Fact]
    public Task CG1001_containing_type_not_partial() => VerifyAsync("""
        public class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> {|#0:RunAsync|}()
            {
                await Task.Yield();
                yield return 1;
            }
        }
        """,
        new DiagnosticResult(DiagnosticDescriptors.ContainingTypeNotPartial).WithLocation(0).WithMessage(
            "[StreamingRun] method 'Agent.RunAsync' needs its containing type(s) to be partial so the generated 'RunStreamed' can be added: add the 'partial' modifier to 'Agent'"));

    [Fact]
    public Task CG1001_outer_type_not_partial() => VerifyAsync("""
        public class Outer
        {
            public partial class Inner
            {
                [StreamingRun]
                public static Task {|#0:LogAsync|}(RunContext<string> run) => Task.CompletedTask;
            }
        }
        """,
        Diagnostic(DiagnosticDescriptors.ContainingTypeNotPartial, 0, "Outer.Inner.LogAsync", "LogStreamed", "'Outer'"));

    [Fact]
    public Task CG1002_wrong_return_type() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public {|#0:IEnumerable<int>|} Run(RunContext run) => new[] { 1 };
        }
        """,
        Diagnostic(DiagnosticDescriptors.InvalidReturnType, 0, "Agent.Run", "IEnumerable<int>"));

    [Fact]
    public Task CG1002_void_method() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public {|#0:void|} Run(RunContext<int> run) { }
        }
        """,
        Diagnostic(DiagnosticDescriptors.InvalidReturnType, 0, "Agent.Run", "void"));

    [Fact]
    public Task CG1003_iterator_not_async() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public IAsyncEnumerable<string> {|#0:RunAsync|}(IAsyncEnumerable<string> source) => source;
        }
        """,
        Diagnostic(DiagnosticDescriptors.NotAsyncIterator, 0, "Agent.RunAsync", "string"));

    [Fact]
    public Task CG1004_iterator_with_typed_context() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(RunContext<int> {|#0:run|})
            {
                await run.EmitAsync(1);
                yield return "a";
            }
        }
        """,
        Diagnostic(DiagnosticDescriptors.IteratorContextHasEventType, 0, "run", "Agent.RunAsync", "RunContext<int>", "string"));

    [Fact]
    public Task CG1005_emitter_without_context() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public Task<string> {|#0:AnswerAsync|}(string question) => Task.FromResult(question);
        }
        """,
        Diagnostic(DiagnosticDescriptors.EmitterNeedsTypedContext, 0, "Agent.AnswerAsync", "Task<string>"));

    [Fact]
    public Task CG1005_emitter_with_plain_context() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public ValueTask AnswerAsync(RunContext {|#0:run|}) => run.EndTurnAsync();
        }
        """,
        Diagnostic(DiagnosticDescriptors.EmitterNeedsTypedContext, 0, "Agent.AnswerAsync", "ValueTask"));

    [Fact]
    public Task CG1006_two_tokens() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public Task RunAsync(RunContext<int> run, CancellationToken first, CancellationToken {|#0:second|}) => Task.CompletedTask;
        }
        """,
        Diagnostic(DiagnosticDescriptors.TwoCancellationTokens, 0, "second", "Agent.RunAsync"));

    [Fact]
    public Task CG1007_two_contexts() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public Task RunAsync(RunContext<int> run, RunContext {|#0:other|}) => Task.CompletedTask;
        }
        """,
        Diagnostic(DiagnosticDescriptors.TwoContexts, 0, "other", "Agent.RunAsync"));

    [Fact]
    public Task CG1008_ref_out_in_and_ref_struct_parameters() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public Task RunAsync(RunContext<int> run, ref int {|#0:a|}, out int {|#1:b|}, in int {|#2:c|}, ReadOnlySpan<char> {|#3:d|})
            {
                b = a + c + d.Length;
                return Task.CompletedTask;
            }
        }
        """,
        Diagnostic(DiagnosticDescriptors.ParameterCannotBeCaptured, 0, "a", "Agent.RunAsync", "a 'ref' parameter"),
        Diagnostic(DiagnosticDescriptors.ParameterCannotBeCaptured, 1, "b", "Agent.RunAsync", "an 'out' parameter"),
        Diagnostic(DiagnosticDescriptors.ParameterCannotBeCaptured, 2, "c", "Agent.RunAsync", "an 'in' parameter"),
        Diagnostic(DiagnosticDescriptors.ParameterCannotBeCaptured, 3, "d", "Agent.RunAsync", "a ref struct ('ReadOnlySpan<char>')"));

    [Fact]
    public Task CG1009_async_void() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public async {|#0:void|} Run(RunContext<int> run) => await run.EmitAsync(1);
        }
        """,
        Diagnostic(DiagnosticDescriptors.AsyncVoid, 0, "Agent.Run"));

    [Fact]
    public Task CG1010_abstract_method() => VerifyAsync("""
        public abstract partial class Agent
        {
            [StreamingRun]
            public abstract IAsyncEnumerable<int> {|#0:RunAsync|}();
        }
        """,
        Diagnostic(DiagnosticDescriptors.NoBody, 0, "Agent.RunAsync", "abstract"));

    [Fact]
    public Task CG1010_extern_method() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public static extern Task {|#0:RunAsync|}(RunContext<int> run);
        }
        """,
        Diagnostic(DiagnosticDescriptors.NoBody, 0, "Agent.RunAsync", "extern"));

    [Fact]
    public Task CG1010_partial_method_without_implementation() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public partial Task {|#0:RunAsync|}(RunContext<int> run);
        }
        """,
        checkCompilerDiagnostics: false,
        Diagnostic(DiagnosticDescriptors.NoBody, 0, "Agent.RunAsync", "a partial method without an implementing part"));

    [Fact]
    public Task CG1011_local_function() => VerifyAsync("""
        public partial class Agent
        {
            public void Outer()
            {
                [StreamingRun]
                static Task {|#0:LocalAsync|}(RunContext<int> run) => Task.CompletedTask;
                _ = LocalAsync(null!);
            }
        }
        """,
        Diagnostic(DiagnosticDescriptors.LocalFunctionOrLambda, 0, "local function 'LocalAsync'"));

    [Fact]
    public Task CG1011_lambda() => VerifyAsync("""
        public partial class Agent
        {
            public Func<RunContext<int>, Task> Make() => [{|#0:StreamingRun|}] async (RunContext<int> run) => await run.EmitAsync(1);
        }
        """,
        Diagnostic(DiagnosticDescriptors.LocalFunctionOrLambda, 0, "a lambda"));

    [Fact]
    public Task CG1012_collides_with_existing_method() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> {|#0:RunAsync|}(string input)
            {
                await Task.Yield();
                yield return input.Length;
            }

            public RunResultStreaming<int> RunStreamed(string input, CancellationToken token) => throw new NotSupportedException();
        }
        """,
        new DiagnosticResult(DiagnosticDescriptors.NameCollision).WithLocation(0).WithMessage(
            "The method 'RunStreamed(string, CancellationToken)' generated for [StreamingRun] method 'Agent.RunAsync' would collide with method 'Agent.RunStreamed': choose another name with [StreamingRun(MethodName = \"...\")] or rename the other member"));

    [Fact]
    public Task CG1012_collides_with_a_property() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public Task {|#0:LogAsync|}(RunContext<string> run) => Task.CompletedTask;

            public int LogStreamed { get; set; }
        }
        """,
        Diagnostic(DiagnosticDescriptors.NameCollision, 0, "LogStreamed(CancellationToken)", "Agent.LogAsync", "property 'Agent.LogStreamed'"));

    [Fact]
    public Task CG1012_two_marked_methods_generate_the_same_member() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun]
            public Task {|#0:LogAsync|}(RunContext<string> run) => Task.CompletedTask;

            [StreamingRun]
            public Task {|#1:Log|}(RunContext<int> run) => Task.CompletedTask;
        }
        """,
        Diagnostic(DiagnosticDescriptors.NameCollision, 0, "LogStreamed(CancellationToken)", "Agent.LogAsync", "the method generated for [StreamingRun] method 'Agent.Log'"),
        Diagnostic(DiagnosticDescriptors.NameCollision, 1, "LogStreamed(CancellationToken)", "Agent.Log", "the method generated for [StreamingRun] method 'Agent.LogAsync'"));

    [Fact]
    public Task CG1013_struct_instance_method() => VerifyAsync("""
        public partial struct Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> {|#0:RunAsync|}()
            {
                await Task.Yield();
                yield return 1;
            }
        }
        """,
        Diagnostic(DiagnosticDescriptors.StructInstanceMethod, 0, "Agent.RunAsync", "Agent"));

    [Fact]
    public Task CG1014_method_name_not_an_identifier() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun(MethodName = {|#0:"2fast"|})]
            public Task LogAsync(RunContext<string> run) => Task.CompletedTask;

            [StreamingRun(MethodName = {|#1:"class"|})]
            public Task WriteAsync(RunContext<string> run) => Task.CompletedTask;
        }
        """,
        Diagnostic(DiagnosticDescriptors.InvalidMethodName, 0, "2fast", "Agent.LogAsync", "LogStreamed"),
        Diagnostic(DiagnosticDescriptors.InvalidMethodName, 1, "class", "Agent.WriteAsync", "WriteStreamed"));

    [Fact]
    public Task CG1017_invalid_run_options() => VerifyAsync("""
        public partial class Agent
        {
            [StreamingRun(BufferCapacity = {|#0:-5|})]
            public Task LogAsync(RunContext<string> run) => Task.CompletedTask;

            [StreamingRun(EventHistory = {|#1:(EventHistory)7|}, MethodName = "Write")]
            public Task WriteAsync(RunContext<string> run) => Task.CompletedTask;
        }
        """,
        Diagnostic(DiagnosticDescriptors.InvalidRunOption, 0, "BufferCapacity", "-5", "Agent.LogAsync", "use 0 for an unbounded buffer or a positive number of events"),
        Diagnostic(DiagnosticDescriptors.InvalidRunOption, 1, "EventHistory", "(EventHistory)7", "Agent.WriteAsync", "use one of EventHistory.None, EventHistory.CurrentTurn, EventHistory.All"));

    [Fact]
    public Task CG1015_interface() => VerifyAsync("""
        public partial interface IAgent
        {
            [StreamingRun]
            static Task {|#0:LogAsync|}(RunContext<string> run) => Task.CompletedTask;
        }
        """,
        Diagnostic(DiagnosticDescriptors.UnsupportedContainingType, 0, "IAgent.LogAsync", "interface 'IAgent'"));

    [Fact]
    public Task CG1015_file_local_type() => VerifyAsync("""
        file partial class Agent
        {
            [StreamingRun]
            public static Task {|#0:LogAsync|}(RunContext<string> run) => Task.CompletedTask;
        }
        """,
        Diagnostic(DiagnosticDescriptors.UnsupportedContainingType, 0, "Agent.LogAsync", "file-local type 'Agent' (a generated file cannot add to it)"));

    [Fact]
    public Task CG1016_explicit_interface_implementation() => VerifyAsync("""
        public interface IAgent
        {
            Task LogAsync(RunContext<string> run);
        }

        public partial class Agent : IAgent
        {
            [{|#0:StreamingRun|}]
            Task IAgent.LogAsync(RunContext<string> run) => Task.CompletedTask;
        }
        """,
        Diagnostic(DiagnosticDescriptors.NotOrdinaryMethod, 0, "Agent.LogAsync", "an explicit interface implementation"));

    [Fact]
    public Task Several_mistakes_on_one_method_are_all_reported() => VerifyAsync("""
        public class Agent
        {
            [StreamingRun]
            public {|#0:int|} {|#1:Run|}(CancellationToken a, CancellationToken {|#2:b|}) => 0;
        }
        """,
        Diagnostic(DiagnosticDescriptors.ContainingTypeNotPartial, 1, "Agent.Run", "RunStreamed", "'Agent'"),
        Diagnostic(DiagnosticDescriptors.InvalidReturnType, 0, "Agent.Run", "int"),
        Diagnostic(DiagnosticDescriptors.TwoCancellationTokens, 2, "b", "Agent.Run"));

    [Fact]
    public void Misused_methods_generate_nothing_and_each_mistake_is_reported_once()
    {
        var outcome = CancelGen.Generators.Tests.Support.GeneratorHarness.Run(RobustnessTests.Misuses);

        Assert.Empty(outcome.Sources);
        Assert.All(outcome.GeneratorDiagnostics, static d => Assert.StartsWith("CG1", d.Id, StringComparison.Ordinal));
        Assert.Equal(
            ["CG1001", "CG1002", "CG1003", "CG1004", "CG1005", "CG1005", "CG1006", "CG1007", "CG1008", "CG1008", "CG1009", "CG1010", "CG1010", "CG1011", "CG1011", "CG1012", "CG1013", "CG1014", "CG1015", "CG1017"],
            outcome.GeneratorDiagnostics.Select(static d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(outcome.GeneratorDiagnostics, static d => Assert.True(d.Location.IsInSource));
    }

    [Fact]
    public void Every_descriptor_is_an_error_with_its_own_id_and_rule_page()
    {
        var descriptors = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(static f => (Microsoft.CodeAnalysis.DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        Assert.Equal(17, descriptors.Count);
        Assert.Equal(descriptors.Count, descriptors.Select(static d => d.Id).Distinct().Count());
        var repoRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var unshipped = File.ReadAllText(Path.Combine(repoRoot, "src", "Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in descriptors)
        {
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.Equal($"https://github.com/CancelGen/CancelGen/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(repoRoot, "docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
            Assert.Contains(descriptor.Id + " |", unshipped, StringComparison.Ordinal);
        }
    }
}

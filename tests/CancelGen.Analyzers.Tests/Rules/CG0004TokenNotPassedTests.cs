using CancelGen.Analyzers.Tests.Verifiers;

namespace CancelGen.Analyzers.Tests.Rules;

/// <summary>CG0004: a call inside a [StreamingRun] method that can take a CancellationToken is not given the run's token.</summary>
public sealed class CG0004TokenNotPassedTests
{
    private const string Usings = RuleSources.Usings;

    private const string Tools = """

        public static class Tools
        {
            public static Task<string> FetchAsync(string url, CancellationToken cancellationToken = default) => Task.FromResult(url);

            public static Task<string> SearchAsync(string query, int top = 3, bool exact = false, CancellationToken cancellationToken = default) => Task.FromResult(query);

            public static Task<int> CountAsync(this string text, CancellationToken cancellationToken = default) => Task.FromResult(text.Length);

            public static async IAsyncEnumerable<int> NumbersAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                for (var i = 0; i < count; i++)
                {
                    await Task.Yield();
                    yield return i;
                }
            }

            public static async IAsyncEnumerable<int> NoTokenAsync()
            {
                await Task.Yield();
                yield return 1;
            }
        }
        """;

    private static Task VerifyAsync(string source) => CG0004Verify.AnalyzerAsync(Usings + source + Tools);

    private static Task VerifyFixAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        CG0004Verify.CodeFixAsync(Usings + source + Tools, Usings + fixedSource + Tools, equivalenceKey);

    [Fact]
    public Task Call_with_a_token_overload_fires_and_fix_calls_the_overload() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await {|CG0004:Task.Delay(100)|};
                yield return input;
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await Task.Delay(100, cancellationToken);
                yield return input;
            }
        }
        """);

    [Fact]
    public Task Omitted_optional_token_fires_and_fix_passes_it_positionally() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                yield return await {|CG0004:Tools.FetchAsync(input)|};
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                yield return await Tools.FetchAsync(input, cancellationToken);
            }
        }
        """);

    [Fact]
    public Task Token_after_skipped_optional_parameters_is_passed_as_a_named_argument() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken ct = default)
            {
                yield return await {|CG0004:Tools.SearchAsync(input, 5)|};
                yield return await {|CG0004:Tools.SearchAsync(input, exact: true)|};
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken ct = default)
            {
                yield return await Tools.SearchAsync(input, 5, cancellationToken: ct);
                yield return await Tools.SearchAsync(input, exact: true, cancellationToken: ct);
            }
        }
        """);

    [Fact]
    public Task Extension_method_call_gets_the_token_in_the_right_place() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task<int> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
            {
                return await {|CG0004:question.CountAsync()|};
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task<int> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
            {
                return await question.CountAsync(cancellationToken);
            }
        }
        """);

    [Fact]
    public Task None_and_default_tokens_fire_and_fix_replaces_them() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                yield return await {|CG0004:Tools.FetchAsync(input, CancellationToken.None)|};
                yield return await {|CG0004:Tools.FetchAsync(input, default)|};
                yield return await {|CG0004:Tools.FetchAsync(input, cancellationToken: default(CancellationToken))|};
                await {|CG0004:Task.Delay(1, new CancellationToken())|};
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                yield return await Tools.FetchAsync(input, cancellationToken);
                yield return await Tools.FetchAsync(input, cancellationToken);
                yield return await Tools.FetchAsync(input, cancellationToken: cancellationToken);
                await Task.Delay(1, cancellationToken);
            }
        }
        """);

    [Fact]
    public Task Message_names_the_call_and_the_token_to_pass() =>
        CG0004Verify.AnalyzerAsync(
            Usings + """
            public partial class Agent
            {
                [StreamingRun]
                public async Task AnswerAsync(RunContext<string> run)
                {
                    await Task.Delay(1);
                }
            }
            """ + Tools,
            CG0004Verify.Diagnostic().WithSpan(12, 15, 12, 28).WithArguments("Delay", "run.CancellationToken"));

    [Fact]
    public Task With_both_tokens_the_first_action_passes_the_CancellationToken_parameter() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await {|CG0004:Task.Delay(1)|};
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
            }
        }
        """,
        "CG0004.Parameter");

    [Fact]
    public Task With_both_tokens_the_second_action_passes_the_RunContext_token() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await {|CG0004:Task.Delay(1)|};
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await Task.Delay(1, run.CancellationToken);
            }
        }
        """,
        "CG0004.RunContext");

    [Fact]
    public Task Inside_a_RunContext_Run_lambda_the_expected_token_is_the_lambdas() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await run.Run(async ct =>
                {
                    await {|CG0004:Task.Delay(1)|};
                    await Task.Delay(2, ct);
                });
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await run.Run(async ct =>
                {
                    await Task.Delay(1, ct);
                    await Task.Delay(2, ct);
                });
            }
        }
        """,
        "CG0004.Lambda");

    [Fact]
    public Task Await_foreach_over_a_sequence_never_given_a_token_fires_and_fix_adds_WithCancellation() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> RunAsync(IAsyncEnumerable<int> source, RunContext run)
            {
                await foreach (var item in {|CG0004:source|})
                {
                    yield return item;
                }

                await foreach (var item in {|CG0004:Tools.NoTokenAsync()|}.ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> RunAsync(IAsyncEnumerable<int> source, RunContext run)
            {
                await foreach (var item in source.WithCancellation(run.CancellationToken))
                {
                    yield return item;
                }

                await foreach (var item in Tools.NoTokenAsync().WithCancellation(run.CancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
        """);

    [Fact]
    public Task Await_foreach_over_an_iterator_call_that_takes_a_token_gets_it_as_an_argument() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> RunAsync(RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await foreach (var item in {|CG0004:Tools.NumbersAsync(3)|})
                {
                    yield return item;
                }
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> RunAsync(RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await foreach (var item in Tools.NumbersAsync(3, cancellationToken))
                {
                    yield return item;
                }
            }
        }
        """);

    [Fact]
    public Task Fix_all_passes_the_chosen_token_everywhere() =>
        CG0004Verify.FixAllAsync(
            Usings + """
            public partial class Agent
            {
                [StreamingRun]
                public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
                {
                    await {|CG0004:Task.Delay(1)|};
                    var text = await {|CG0004:Tools.FetchAsync(await {|CG0004:Tools.FetchAsync("a")|})|};
                    await {|CG0004:Task.Delay(1, CancellationToken.None)|};
                    await run.Run(async ct => await {|CG0004:Task.Delay(2)|});
                }

                [StreamingRun]
                public async IAsyncEnumerable<int> RunAsync(IAsyncEnumerable<int> source, RunContext run)
                {
                    await foreach (var item in {|CG0004:source|})
                    {
                        yield return item;
                    }
                }
            }
            """ + Tools,
            Usings + """
            public partial class Agent
            {
                [StreamingRun]
                public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    var text = await Tools.FetchAsync(await Tools.FetchAsync("a", cancellationToken), cancellationToken);
                    await Task.Delay(1, cancellationToken);
                    await run.Run(async ct => await {|CG0004:Task.Delay(2)|});
                }

                [StreamingRun]
                public async IAsyncEnumerable<int> RunAsync(IAsyncEnumerable<int> source, RunContext run)
                {
                    await foreach (var item in {|CG0004:source|})
                    {
                        yield return item;
                    }
                }
            }
            """ + Tools,
            Usings + """
            public partial class Agent
            {
                [StreamingRun]
                public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    var text = await Tools.FetchAsync(await Tools.FetchAsync("a", cancellationToken), cancellationToken);
                    await Task.Delay(1, cancellationToken);
                    await run.Run(async ct => await Task.Delay(2, ct));
                }

                [StreamingRun]
                public async IAsyncEnumerable<int> RunAsync(IAsyncEnumerable<int> source, RunContext run)
                {
                    await foreach (var item in source.WithCancellation(run.CancellationToken))
                    {
                        yield return item;
                    }
                }
            }
            """ + Tools,
            "CG0004.Parameter");

    [Fact]
    public Task Task_Run_and_WithCancellation_default_fire_too() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> RunAsync(RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await run.Track({|CG0004:Task.Run(() => Console.WriteLine())|});
                await foreach (var item in {|CG0004:Tools.NoTokenAsync().WithCancellation(default)|})
                {
                    yield return item;
                }
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<int> RunAsync(RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await run.Track(Task.Run(() => Console.WriteLine(), cancellationToken));
                await foreach (var item in Tools.NoTokenAsync().WithCancellation(cancellationToken))
                {
                    yield return item;
                }
            }
        }
        """);

    [Fact]
    public Task Lambdas_without_their_own_token_use_the_methods() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(string[] urls, RunContext<string> run)
            {
                var pages = await Task.WhenAll(Array.ConvertAll(urls, url => {|CG0004:Tools.FetchAsync(url)|}));
                await Local();

                async Task Local() => await {|CG0004:Task.Delay(1)|};
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(string[] urls, RunContext<string> run)
            {
                var pages = await Task.WhenAll(Array.ConvertAll(urls, url => Tools.FetchAsync(url, run.CancellationToken)));
                await Local();

                async Task Local() => await Task.Delay(1, run.CancellationToken);
            }
        }
        """);

    [Fact]
    public Task Overload_that_needs_a_defaulted_argument_written_out_fires_without_a_fix() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                await {|CG0004:Api.SendAsync("x")|};
            }
        }

        public static class Api
        {
            public static Task SendAsync(string text, int retries = 0) => Task.CompletedTask;

            public static Task SendAsync(string text, int retries, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                await {|CG0004:Api.SendAsync("x")|};
            }
        }

        public static class Api
        {
            public static Task SendAsync(string text, int retries = 0) => Task.CompletedTask;

            public static Task SendAsync(string text, int retries, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Calls_given_a_token_are_silent() => VerifyAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await Task.Delay(1, cancellationToken);
                await Task.Delay(1, run.CancellationToken);
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.Delay(1, cts.Token);
                yield return await Tools.FetchAsync(input, cancellationToken: cancellationToken);
                yield return await Tools.SearchAsync(input, cancellationToken: run.CancellationToken);
                await foreach (var i in Tools.NumbersAsync(2, cancellationToken))
                {
                    yield return i.ToString();
                }

                await foreach (var i in Tools.NoTokenAsync().WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    yield return i.ToString();
                }

                var numbers = Tools.NumbersAsync(2, cancellationToken);
                await foreach (var i in numbers)
                {
                    yield return i.ToString();
                }

                Console.WriteLine(input);
                var list = new List<int> { 1 };
                list.Add(2);
            }
        }
        """);

    [Fact]
    public Task RunContext_members_and_a_run_handles_stream_never_fire() => VerifyAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await run.EmitAsync("x");
                await run.EndTurnAsync();
                await run.Track(Task.CompletedTask);
                await run.Run(_ => Task.CompletedTask);
                await using var inner = RunResultStreaming.Start<int>((ctx, ct) => Tools.NumbersAsync(1, ct), cancellationToken: cancellationToken);
                await foreach (var e in inner.StreamEvents())
                {
                    await run.EmitAsync(e.ToString());
                }
            }
        }
        """);

    [Fact]
    public Task Method_without_a_token_in_scope_is_silent() => VerifyAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input)
            {
                await Task.Delay(1);
                yield return await Tools.FetchAsync(input);
            }

            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                Func<Task> work = static async () => await Task.Delay(1);
                await work();
            }
        }
        """);

    [Fact]
    public Task Method_without_StreamingRun_is_silent() => VerifyAsync(
        """
        public partial class Agent
        {
            public async IAsyncEnumerable<string> RunAsync(string input, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await Task.Delay(1);
                yield return await Tools.FetchAsync(input, CancellationToken.None);
                await foreach (var i in Tools.NumbersAsync(1))
                {
                    yield return i.ToString();
                }
            }
        }
        """);
}

using CancelGen.Analyzers.CodeFixes;
using CancelGen.Analyzers.Tests.Verifiers;

namespace CancelGen.Analyzers.Tests.Rules;

/// <summary>
/// CG0001 recall: a run reached through any expression that yields one (<c>?:</c>, <c>??</c>, switch expressions,
/// <c>?.</c>, <c>await</c>, pattern-bound locals), and releases that count only where they surely run (lambdas,
/// local functions, conditions inside a <c>finally</c> or <c>catch</c>).
/// </summary>
public sealed class CG0001RecallTests
{
    private static Task VerifyAsync(string source) => CG0001Verify.AnalyzerAsync(Wrap(source));

    private static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey) =>
        CG0001Verify.CodeFixAsync(Wrap(source), Wrap(fixedSource), equivalenceKey);

    private static string Wrap(string source) => RuleSources.Usings + source + RuleSources.Agent;

    [Fact]
    public Task Runs_stored_through_conditional_switch_and_null_conditional_expressions_fire() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task SwitchAsync(Agent agent, int mode)
            {
                var run = mode switch { 0 => agent.AnswerStreamed("a"), _ => agent.AnswerStreamed("b") };
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }

            public static async Task NullConditionalAsync(Agent? agent)
            {
                var run = agent?.AnswerStreamed("a");
                if (run is null) return;
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }

            public static async Task AwaitedThroughCoalesceAsync(Agent agent, RunResultStreaming<string>? cached)
            {
                var run = cached ?? await agent.AnswerLaterAsync("a");
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }

            public static async Task EitherLocalAsync(Agent agent, bool brief)
            {
                var first = agent.AnswerStreamed("a");
                await using var second = agent.AnswerStreamed("b");
                await foreach (var e in {|CG0001:(brief ? first : second).StreamEvents()|}) { }
            }
        }
        """);

    [Fact]
    public Task Runs_created_in_the_loop_header_through_any_expression_fire() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task HeaderAsync(Agent? agent, bool brief, int mode, RunResultStreaming<string>? cached)
            {
                await foreach (var e in {|CG0001:(brief ? agent!.AnswerStreamed("a") : agent!.AnswerStreamed("b")).StreamEvents()|}) { }
                await foreach (var e in {|CG0001:(cached ?? agent!.AnswerStreamed("c")).StreamEvents()|}) { }
                await foreach (var e in {|CG0001:(mode switch { 0 => agent!.AnswerStreamed("d"), _ => cached! }).StreamEvents()|}) { }
                await foreach (var e in {|CG0001:(agent?.AnswerStreamed("e"))!.StreamEvents()|}) { }
            }
        }
        """);

    [Fact]
    public Task Inline_conditional_run_gets_an_await_using_local_for_the_whole_expression() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, bool brief)
            {
                await foreach (var e in {|CG0001:(brief ? agent.AnswerStreamed("short") : agent.AnswerStreamed("long")).StreamEvents()|})
                {
                    Console.WriteLine(e);
                }
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, bool brief)
            {
                await using var run = brief ? agent.AnswerStreamed("short") : agent.AnswerStreamed("long");
                await foreach (var e in run.StreamEvents())
                {
                    Console.WriteLine(e);
                }
            }
        }
        """,
        RunNotDisposedCodeFixProvider.AwaitUsingEquivalenceKey);

    [Fact]
    public Task Inline_run_that_may_be_owned_elsewhere_fires_without_a_fix() =>
        CG0001Verify.CodeFixAsync(
            Wrap("""
            public static class Chat
            {
                public static async Task PrintAsync(Agent agent, RunResultStreaming<string>? cached)
                {
                    await foreach (var e in {|CG0001:(cached ?? agent.AnswerStreamed("a")).StreamEvents()|}) { }
                }
            }
            """),
            Wrap("""
            public static class Chat
            {
                public static async Task PrintAsync(Agent agent, RunResultStreaming<string>? cached)
                {
                    await foreach (var e in {|CG0001:(cached ?? agent.AnswerStreamed("a")).StreamEvents()|}) { }
                }
            }
            """));

    [Fact]
    public Task Pattern_bound_locals_are_the_methods_own_runs() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task PropertyPatternAsync(Agent agent)
            {
                if (agent.AnswerStreamed("a") is { } run)
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                }
            }

            public static async Task TypePatternOverAnAwaitedTaskAsync(Agent agent)
            {
                if (await agent.AnswerLaterAsync("a") is RunResultStreaming<string> typed)
                {
                    await foreach (var e in {|CG0001:typed.StreamEvents()|}) { }
                }
            }

            public static async Task NegatedPatternAsync(Agent agent)
            {
                if (agent.AnswerStreamed("a") is not { } run) return;
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }

            public static async Task SwitchCaseAsync(Agent agent)
            {
                switch (agent.AnswerStreamed("a"))
                {
                    case { } run:
                        await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                        break;
                }
            }

            public static async Task ReleasedPatternLocalIsSilentAsync(Agent agent)
            {
                if (agent.AnswerStreamed("a") is { } run)
                {
                    try
                    {
                        await foreach (var e in run.StreamEvents()) { }
                    }
                    finally
                    {
                        await run.DisposeAsync();
                    }
                }
            }

            public static async Task PatternOverAParameterIsSilentAsync(RunResultStreaming<string>? given)
            {
                if (given is { } run)
                {
                    await foreach (var e in run.StreamEvents()) { }
                }
            }
        }
        """);

    [Fact]
    public Task Pattern_bound_local_gets_the_try_finally_fix() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                if (agent.AnswerStreamed("a") is { } run)
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|})
                    {
                        Console.WriteLine(e);
                    }
                }
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                if (agent.AnswerStreamed("a") is { } run)
                {
                    try
                    {
                        await foreach (var e in run.StreamEvents())
                        {
                            Console.WriteLine(e);
                        }
                    }
                    finally
                    {
                        run.Cancel();
                    }
                }
            }
        }
        """,
        RunNotDisposedCodeFixProvider.TryFinallyEquivalenceKey);

    [Fact]
    public Task Release_in_a_lambda_that_may_never_run_does_not_release_the_run() => VerifyAsync(
        """
        public sealed class Chat
        {
            public event Action? Stopping;

            public static async Task TokenCallbackAsync(Agent agent, CancellationToken token)
            {
                var run = agent.AnswerStreamed("a");
                using var registration = token.Register(() => run.Cancel());
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }

            public async Task EventHandlerAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                Stopping += () => run.Cancel();
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }

            public static async Task UnawaitedDelegateAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                Func<Task> cleanup = async () => await run.DisposeAsync();
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }

            public static async Task BackgroundTaskAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                }
                finally
                {
                    _ = Task.Run(() => run.Cancel());
                }
            }

            public static async Task LocalFunctionNeverCalledAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }

                void Stop() => run.Cancel();
            }

            public static async Task DelegateInvokedAfterTheLoopOnlyAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                var cleanup = async () => await run.DisposeAsync();
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                await cleanup();
            }
        }
        """);

    [Fact]
    public Task Release_in_a_lambda_or_local_function_counts_where_it_surely_runs() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task AwaitedDelegateInFinallyAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                var cleanup = async () => await run.DisposeAsync();
                try
                {
                    await foreach (var e in run.StreamEvents()) { }
                }
                finally
                {
                    await cleanup();
                }
            }

            public static async Task LocalFunctionCalledInFinallyAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in run.StreamEvents()) { }
                }
                finally
                {
                    Stop();
                }

                void Stop() => run.Cancel();
            }

            public static async Task NestedLocalFunctionsAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in run.StreamEvents()) { }
                }
                finally
                {
                    await StopAsync();
                }

                async Task StopAsync() => await CancelAsync();
                Task CancelAsync() => run.CancelAsync();
            }

            public static async Task DelegateAssignedThenInvokedAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                Action stop;
                stop = () => run.Cancel();
                try
                {
                    await foreach (var e in run.StreamEvents()) { }
                }
                finally
                {
                    stop.Invoke();
                }
            }
        }
        """);

    [Fact]
    public Task Release_under_a_condition_in_a_finally_or_catch_does_not_release_the_run() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task ConditionalFinallyAsync(Agent agent, bool keep)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                }
                finally
                {
                    if (!keep) run.Cancel();
                }
            }

            public static async Task NullTestAndAnotherConditionAsync(Agent agent, bool keep)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                }
                finally
                {
                    if (run is not null && !keep) run.Cancel();
                }
            }

            public static async Task ReleaseInALoopOfTheFinallyAsync(Agent agent, List<int> steps)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                }
                finally
                {
                    foreach (var step in steps) run.Cancel();
                }
            }

            public static async Task ReleaseInACatchInsideTheFinallyAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                }
                finally
                {
                    try { Console.WriteLine("done"); }
                    catch (Exception) { run.Cancel(); }
                }
            }

            public static async Task ConditionalCatchAsync(Agent agent, bool log)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                    run.Cancel();
                }
                catch (Exception)
                {
                    if (log) run.Cancel();
                    throw;
                }
            }
        }
        """);

    [Fact]
    public Task Null_tests_of_the_run_in_a_finally_still_release_it() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task NotEqualsNullAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try { await foreach (var e in run.StreamEvents()) { } }
                finally { if (run != null) run.Cancel(); }
            }

            public static async Task EqualsNullElseAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try { await foreach (var e in run.StreamEvents()) { } }
                finally { if (run == null) Console.WriteLine("none"); else run.Cancel(); }
            }

            public static async Task EmptyPropertyPatternAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try { await foreach (var e in run.StreamEvents()) { } }
                finally { if (run is { }) await run.DisposeAsync(); }
            }

            public static async Task NullConditionalCallAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try { await foreach (var e in run.StreamEvents()) { } }
                finally { run?.Cancel(); }
            }

            public static async Task UnconditionalCatchAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in run.StreamEvents()) { }
                    run.Cancel();
                }
                catch (Exception)
                {
                    run.Cancel();
                    throw;
                }
            }
        }
        """);
}

using CancelGen.Analyzers.CodeFixes;
using CancelGen.Analyzers.Tests.Verifiers;

namespace CancelGen.Analyzers.Tests.Rules;

/// <summary>CG0001: a run is enumerated with await foreach but not disposed or cancelled on every path out of the loop.</summary>
public sealed class CG0001RunNotDisposedTests
{
    private static Task VerifyAsync(string source) => CG0001Verify.AnalyzerAsync(Wrap(source));

    private static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey) =>
        CG0001Verify.CodeFixAsync(Wrap(source), Wrap(fixedSource), equivalenceKey);

    private static string Wrap(string source) => RuleSources.Usings + source + RuleSources.Agent;

    [Fact]
    public Task Local_enumerated_and_never_released_fires_and_fix_declares_it_await_using() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                // start the answer
                var run = agent.AnswerStreamed("hi"); // the handle
                await foreach (var e in {|CG0001:run.StreamEvents()|})
                {
                    Console.WriteLine(e);
                }
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                // start the answer
                await using var run = agent.AnswerStreamed("hi"); // the handle
                await foreach (var e in run.StreamEvents())
                {
                    Console.WriteLine(e);
                }
            }
        }
        """,
        RunNotDisposedCodeFixProvider.AwaitUsingEquivalenceKey);

    [Fact]
    public Task Fix_wraps_the_loop_in_try_finally_with_Cancel() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("hi");
                // print until the first blank event
                await foreach (var e in {|CG0001:run.StreamEvents()|})
                {
                    if (e.Length == 0) break; // done
                    Console.WriteLine(e);
                }

                Console.WriteLine(run.Status);
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("hi");
                // print until the first blank event
                try
                {
                    await foreach (var e in run.StreamEvents())
                    {
                        if (e.Length == 0) break; // done
                        Console.WriteLine(e);
                    }
                }
                finally
                {
                    run.Cancel();
                }

                Console.WriteLine(run.Status);
            }
        }
        """,
        RunNotDisposedCodeFixProvider.TryFinallyEquivalenceKey);

    [Fact]
    public Task Inline_handle_always_fires_and_fix_introduces_an_await_using_local() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                // stream the answer
                await foreach (var e in {|CG0001:agent.AnswerStreamed("hi").StreamEvents()|})
                {
                    Console.WriteLine(e);
                }
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                // stream the answer
                await using var run = agent.AnswerStreamed("hi");
                await foreach (var e in run.StreamEvents())
                {
                    Console.WriteLine(e);
                }
            }
        }
        """,
        RunNotDisposedCodeFixProvider.AwaitUsingEquivalenceKey);

    [Fact]
    public Task Inline_awaited_handle_fires_and_try_finally_fix_introduces_a_local_with_a_free_name() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, int run)
            {
                await foreach (var e in {|CG0001:(await agent.AnswerLaterAsync("hi")).StreamEvents()|})
                {
                    Console.WriteLine(e + run);
                }
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, int run)
            {
                var run2 = await agent.AnswerLaterAsync("hi");
                try
                {
                    await foreach (var e in run2.StreamEvents())
                    {
                        Console.WriteLine(e + run);
                    }
                }
                finally
                {
                    run2.Cancel();
                }
            }
        }
        """,
        RunNotDisposedCodeFixProvider.TryFinallyEquivalenceKey);

    [Fact]
    public Task Fires_through_WithCancellation_ConfigureAwait_and_extension_chains() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, CancellationToken token)
            {
                var first = agent.AnswerStreamed("a");
                await foreach (var e in {|CG0001:first.StreamEvents().WithCancellation(token).ConfigureAwait(false)|})
                {
                    Console.WriteLine(e);
                }

                var second = agent.AnswerStreamed("b");
                await foreach (var e in {|CG0001:second.StreamEvents(token).Only(x => x.Length > 0)|})
                {
                    Console.WriteLine(e);
                }

                await foreach (var e in {|CG0001:agent.AnswerStreamed("c").StreamEvents().Only(x => x.Length > 0).WithCancellation(token)|})
                {
                    Console.WriteLine(e);
                }
            }
        }
        """);

    [Fact]
    public Task A_stream_kept_in_a_local_is_followed_to_its_run() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, CancellationToken token)
            {
                var run = agent.AnswerStreamed("a");
                var events = run.StreamEvents(token).Only(x => x.Length > 0);
                await foreach (var e in {|CG0001:events|})
                {
                    Console.WriteLine(e);
                }

                await using var kept = agent.AnswerStreamed("b");
                var keptEvents = kept.StreamEvents();
                await foreach (var e in keptEvents) { }
            }
        }
        """);

    [Fact]
    public Task Inline_handle_behind_a_stream_local_gets_its_run_local_before_the_stream() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                // the answer's events
                var events = agent.AnswerStreamed("hi").StreamEvents();
                await foreach (var e in {|CG0001:events|})
                {
                    Console.WriteLine(e);
                }
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                // the answer's events
                await using var run = agent.AnswerStreamed("hi");
                var events = run.StreamEvents();
                await foreach (var e in events)
                {
                    Console.WriteLine(e);
                }
            }
        }
        """,
        RunNotDisposedCodeFixProvider.AwaitUsingEquivalenceKey);

    [Fact]
    public Task Release_after_the_loop_alone_misses_an_exception_from_the_loop_body() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                await foreach (var e in {|CG0001:run.StreamEvents()|})
                {
                    Console.WriteLine(e);
                }

                await run.DisposeAsync();
            }
        }
        """);

    [Fact]
    public Task Editorconfig_can_stop_exception_paths_counting_but_every_other_path_still_must_release() =>
        CG0001Verify.AnalyzerWithEditorConfigAsync(
            Wrap("""
            public static class Chat
            {
                public static async Task ReleasedAfterTheLoopAsync(Agent agent)
                {
                    var run = agent.AnswerStreamed("a");
                    await foreach (var e in run.StreamEvents())
                    {
                        if (e == "stop") break;
                    }

                    await run.DisposeAsync();
                }

                public static async Task<int> ReturnSkipsTheReleaseAsync(Agent agent)
                {
                    var run = agent.AnswerStreamed("a");
                    await foreach (var e in {|CG0001:run.StreamEvents()|})
                    {
                        if (e == "stop") return 1;
                        if (e == "bad") throw new InvalidOperationException(e);
                    }

                    run.Cancel();
                    return 0;
                }
            }
            """),
            "dotnet_code_quality.CG0001.exception_paths = false");

    [Fact]
    public Task Release_on_the_break_path_only_fires() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                await foreach (var e in {|CG0001:run.StreamEvents()|})
                {
                    if (e == "stop")
                    {
                        await run.CancelAsync();
                        break;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Catch_and_normal_paths_that_all_release_are_silent_but_a_return_that_skips_the_release_fires() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task<int> CoveredAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in run.StreamEvents())
                    {
                        if (e == "stop")
                        {
                            run.Cancel();
                            return 1;
                        }
                    }

                    await run.DisposeAsync();
                    return 0;
                }
                catch (Exception)
                {
                    await run.DisposeAsync();
                    throw;
                }
            }

            public static async Task<int> LeakyAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|})
                    {
                        if (e == "stop")
                        {
                            return 1;
                        }

                        if (e == "skip")
                        {
                            goto done;
                        }
                    }

                    await run.DisposeAsync();
                    return 0;
                }
                catch
                {
                    run.Cancel();
                    throw;
                }

            done:
                return 2;
            }

            public static async Task NarrowCatchAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in {|CG0001:run.StreamEvents()|})
                    {
                        Console.WriteLine(e);
                    }

                    run.Cancel();
                }
                catch (InvalidOperationException)
                {
                    run.Cancel();
                    throw;
                }
            }
        }
        """);

    [Fact]
    public Task Await_using_declarations_and_statements_are_silent() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task DeclarationAsync(Agent agent)
            {
                await using var run = agent.AnswerStreamed("a");
                await foreach (var e in run.StreamEvents())
                {
                    Console.WriteLine(e);
                }
            }

            public static async Task StatementAsync(Agent agent)
            {
                await using (var run = agent.AnswerStreamed("a"))
                {
                    await foreach (var e in run.StreamEvents()) { }
                }
            }

            public static async Task ExistingLocalAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                await using (run.ConfigureAwait(false))
                {
                    await foreach (var e in run.StreamEvents()) { }
                }

                var other = agent.AnswerStreamed("b");
                await using (other)
                {
                    await foreach (var e in other.StreamEvents()) { }
                }
            }
        }
        """);

    [Fact]
    public Task Release_in_a_finally_covering_the_loop_is_silent() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task CancelAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in run.StreamEvents())
                    {
                        if (e == "stop") return;
                    }
                }
                finally
                {
                    run.Cancel();
                }
            }

            public static async Task DisposeAsync(Agent agent)
            {
                RunResultStreaming<string>? run = null;
                try
                {
                    run = agent.AnswerStreamed("a");
                    await foreach (var e in run.StreamEvents()) { throw new InvalidOperationException(e); }
                }
                finally
                {
                    if (run is not null)
                    {
                        await run.DisposeAsync();
                    }
                }
            }

            public static async Task ConditionalAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                try
                {
                    await foreach (var e in run.StreamEvents()) { }
                }
                finally
                {
                    await (run?.CancelAsync(CancelMode.AfterTurn) ?? Task.CompletedTask);
                }
            }
        }
        """);

    [Fact]
    public Task Ownership_leaving_the_method_is_silent() => VerifyAsync(
        """
        public sealed class Chat
        {
            private RunResultStreaming<string>? _current;

            public RunResultStreaming<string>? Current { get; set; }

            public async Task<RunResultStreaming<string>> ReturnedAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                await foreach (var e in run.StreamEvents()) { break; }
                return run;
            }

            public async Task StoredInFieldAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                _current = run;
                await foreach (var e in run.StreamEvents()) { }
            }

            public async Task StoredInPropertyAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                await foreach (var e in run.StreamEvents()) { }
                Current = run;
            }

            public async Task PassedOnAsync(Agent agent, List<RunResultStreaming<string>> runs)
            {
                var run = agent.AnswerStreamed("a");
                runs.Add(run);
                await foreach (var e in run.StreamEvents()) { }
            }

            public async Task CapturedAndDisposedByALambdaAwaitedInAFinallyAsync(Agent agent)
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
        }
        """);

    [Fact]
    public Task Runs_owned_elsewhere_and_plain_async_streams_are_silent() => VerifyAsync(
        """
        public sealed class Chat : IAsyncDisposable
        {
            private readonly RunResultStreaming<string> _run;

            public Chat(Agent agent) => _run = agent.AnswerStreamed("a");

            public RunResultStreaming<string> Run => _run;

            public async Task FieldAsync()
            {
                await foreach (var e in _run.StreamEvents()) { break; }
            }

            public async Task PropertyAsync()
            {
                await foreach (var e in Run.StreamEvents()) { break; }
                var alias = Run;
                await foreach (var e in alias.StreamEvents()) { break; }
            }

            public static async Task ParameterAsync(RunResultStreaming<string> run)
            {
                await foreach (var e in run.StreamEvents()) { break; }
            }

            public static async Task PlainStreamAsync(IAsyncEnumerable<string> events)
            {
                await foreach (var e in events) { break; }
            }

            public ValueTask DisposeAsync() => _run.DisposeAsync();
        }
        """);

    [Fact]
    public Task Generated_code_is_skipped() => CG0001Verify.AnalyzerAsync(
        "// <auto-generated/>\n" + Wrap(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                await foreach (var e in agent.AnswerStreamed("a").StreamEvents()) { }
            }
        }
        """));

    [Fact]
    public Task Loops_in_lambdas_and_local_functions_are_analyzed_in_their_own_function() => VerifyAsync(
        """
        public static class Chat
        {
            public static Func<Task> Printer(Agent agent) => async () =>
            {
                var run = agent.AnswerStreamed("a");
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            };

            public static async Task LocalFunctionAsync(Agent agent)
            {
                await PrintAsync();

                async Task PrintAsync()
                {
                    var run = agent.AnswerStreamed("a");
                    try
                    {
                        await foreach (var e in run.StreamEvents()) { }
                    }
                    finally
                    {
                        run.Cancel();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Fix_all_declares_every_run_await_using_in_one_pass()
    {
        var source = Wrap("""
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                await foreach (var e in {|CG0001:agent.AnswerStreamed("b").StreamEvents()|}) { }
                await foreach (var e in {|CG0001:agent.AnswerStreamed("c").StreamEvents()|}) { }
            }
        }
        """);
        var fixedSource = Wrap("""
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                await using var run = agent.AnswerStreamed("a");
                await foreach (var e in run.StreamEvents()) { }
                await foreach (var e in run.StreamEvents()) { }
                await using var run2 = agent.AnswerStreamed("b");
                await foreach (var e in run2.StreamEvents()) { }
                await using var run3 = agent.AnswerStreamed("c");
                await foreach (var e in run3.StreamEvents()) { }
            }
        }
        """);
        return CG0001Verify.FixAllAsync(source, fixedSource, batchFixedSource: fixedSource, equivalenceKey: RunNotDisposedCodeFixProvider.AwaitUsingEquivalenceKey);
    }

    [Fact]
    public Task Fix_all_wraps_every_loop_across_documents() => CG0001Verify.FixAllDocumentsAsync(
        [
            RuleSources.Usings + """
            public static class First
            {
                public static async Task PrintAsync(Agent agent)
                {
                    var run = agent.AnswerStreamed("a");
                    await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
                }
            }
            """ + RuleSources.Agent,
            RuleSources.Usings + """
            public static class Second
            {
                public static async Task PrintAsync(Agent agent)
                {
                    var reply = agent.AnswerStreamed("b");
                    await foreach (var e in {|CG0001:reply.StreamEvents()|}) { }
                }
            }
            """,
        ],
        [
            RuleSources.Usings + """
            public static class First
            {
                public static async Task PrintAsync(Agent agent)
                {
                    var run = agent.AnswerStreamed("a");
                    try
                    {
                        await foreach (var e in run.StreamEvents()) { }
                    }
                    finally
                    {
                        run.Cancel();
                    }
                }
            }
            """ + RuleSources.Agent,
            RuleSources.Usings + """
            public static class Second
            {
                public static async Task PrintAsync(Agent agent)
                {
                    var reply = agent.AnswerStreamed("b");
                    try
                    {
                        await foreach (var e in reply.StreamEvents()) { }
                    }
                    finally
                    {
                        reply.Cancel();
                    }
                }
            }
            """,
        ],
        RunNotDisposedCodeFixProvider.TryFinallyEquivalenceKey);

    [Fact]
    public Task In_a_switch_section_the_try_finally_fix_introduces_a_plain_local() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, int mode)
            {
                switch (mode)
                {
                    case 1:
                        await foreach (var e in {|CG0001:agent.AnswerStreamed("a").StreamEvents()|}) { }
                        break;
                }
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, int mode)
            {
                switch (mode)
                {
                    case 1:
                        var run = agent.AnswerStreamed("a");
                        try
                        {
                            await foreach (var e in run.StreamEvents()) { }
                        }
                        finally
                        {
                            run.Cancel();
                        }
                        break;
                }
            }
        }
        """,
        RunNotDisposedCodeFixProvider.TryFinallyEquivalenceKey);

    [Fact]
    public Task In_a_switch_section_no_await_using_fix_is_offered() => CG0001Verify.CodeFixAsync(
        Wrap("""
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, int mode)
            {
                switch (mode)
                {
                    case 1:
                        await foreach (var e in {|CG0001:agent.AnswerStreamed("a").StreamEvents()|}) { }
                        break;
                }
            }
        }
        """),
        Wrap("""
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, int mode)
            {
                switch (mode)
                {
                    case 1:
                        await foreach (var e in {|CG0001:agent.AnswerStreamed("a").StreamEvents()|}) { }
                        break;
                }
            }
        }
        """),
        RunNotDisposedCodeFixProvider.AwaitUsingEquivalenceKey);

    [Fact]
    public Task Await_using_fix_is_not_offered_where_a_using_declaration_cannot_go() => CG0001Verify.CodeFixAsync(
        Wrap("""
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, int mode)
            {
                var run = agent.AnswerStreamed("a");
                run = agent.AnswerStreamed("b");
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }
        }
        """),
        Wrap("""
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent, int mode)
            {
                var run = agent.AnswerStreamed("a");
                run = agent.AnswerStreamed("b");
                await foreach (var e in {|CG0001:run.StreamEvents()|}) { }
            }
        }
        """),
        RunNotDisposedCodeFixProvider.AwaitUsingEquivalenceKey);
}

using CancelGen.Analyzers.Tests.Verifiers;

namespace CancelGen.Analyzers.Tests.Rules;

/// <summary>CG0002: a run handle is created and thrown away.</summary>
public sealed class CG0002RunDiscardedTests
{
    private static Task VerifyAsync(string source) => CG0002Verify.AnalyzerAsync(Wrap(source));

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        CG0002Verify.CodeFixAsync(Wrap(source), Wrap(fixedSource));

    private static string Wrap(string source) => RuleSources.Usings + source + RuleSources.Agent;

    [Fact]
    public Task Expression_statement_fires_and_fix_keeps_the_run_in_an_await_using_local() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent)
            {
                // fire and forget
                {|CG0002:agent.AnswerStreamed("hi")|}; // oops
                await Task.Yield();
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent)
            {
                // fire and forget
                await using var run = agent.AnswerStreamed("hi"); // oops
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Discard_assignment_of_an_awaited_run_fires_and_fix_picks_a_free_name() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent, string run)
            {
                _ = {|CG0002:await agent.AnswerLaterAsync(run).ConfigureAwait(false)|};
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent, string run)
            {
                await using var run2 = await agent.AnswerLaterAsync(run).ConfigureAwait(false);
            }
        }
        """);

    [Fact]
    public Task Local_only_read_for_status_fires_and_fix_declares_it_await_using() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent)
            {
                var reply = {|CG0002:agent.AnswerStreamed("hi")|};
                Console.WriteLine(reply.Status);
                reply.Pause();
                await Task.Yield();
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent)
            {
                await using var reply = agent.AnswerStreamed("hi");
                Console.WriteLine(reply.Status);
                reply.Pause();
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Fires_without_a_fix_where_no_using_declaration_can_go() => VerifyAsync(
        """
        public static class Chat
        {
            public static void Start(Agent agent, int mode)
            {
                {|CG0002:agent.AnswerStreamed("sync")|};
            }

            public static async Task StartAsync(Agent agent, int mode)
            {
                if (mode == 1) {|CG0002:agent.AnswerStreamed("embedded")|};
                switch (mode)
                {
                    case 2:
                        {|CG0002:agent.AnswerStreamed("switch")|};
                        break;
                }

                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Runs_that_are_used_are_silent() => VerifyAsync(
        """
        public sealed class Chat
        {
            private RunResultStreaming<string>? _current;

            public async Task UsedAsync(Agent agent, List<RunResultStreaming<string>> runs)
            {
                await using var kept = agent.AnswerStreamed("a");

                var cancelled = agent.AnswerStreamed("b");
                cancelled.Cancel(CancelMode.AfterTurn);

                var disposed = agent.AnswerStreamed("c");
                await disposed.DisposeAsync();

                var stored = agent.AnswerStreamed("d");
                _current = stored;

                var passed = agent.AnswerStreamed("e");
                runs.Add(passed);

                runs.Add(agent.AnswerStreamed("f"));
                _current = agent.AnswerStreamed("g");

                var enumerated = agent.AnswerStreamed("h");
                var events = enumerated.StreamEvents();
                await foreach (var e in events) { }
            }

            public RunResultStreaming<string> Returned(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                return run;
            }

            public Func<RunResultStreaming<string>> Factory(Agent agent) => () => agent.AnswerStreamed("a");

            public static async Task PlainTasksAsync()
            {
                _ = Task.FromResult(1);
                Task.Delay(1);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task A_local_that_is_enumerated_but_not_released_is_left_to_CG0001() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task PrintAsync(Agent agent)
            {
                var run = agent.AnswerStreamed("a");
                await foreach (var e in run.StreamEvents()) { }
            }
        }
        """);

    [Fact]
    public Task Generated_code_is_skipped() => CG0002Verify.AnalyzerAsync(
        "// <auto-generated/>\n" + Wrap(
        """
        public static class Chat
        {
            public static void Start(Agent agent) => agent.AnswerStreamed("a");
        }
        """));

    [Fact]
    public Task Fix_all_keeps_every_run_with_distinct_names()
    {
        var source = Wrap("""
        public static class Chat
        {
            public static async Task StartAsync(Agent agent)
            {
                {|CG0002:agent.AnswerStreamed("a")|};
                _ = {|CG0002:agent.AnswerStreamed("b")|};
                var unused = {|CG0002:agent.AnswerStreamed("c")|};
                await Task.Yield();
            }
        }
        """);
        var fixedSource = Wrap("""
        public static class Chat
        {
            public static async Task StartAsync(Agent agent)
            {
                await using var run = agent.AnswerStreamed("a");
                await using var run2 = agent.AnswerStreamed("b");
                await using var unused = agent.AnswerStreamed("c");
                await Task.Yield();
            }
        }
        """);
        return CG0002Verify.FixAllAsync(source, fixedSource, batchFixedSource: fixedSource);
    }

    [Fact]
    public Task Top_level_statements_fire_and_get_the_fix() => CG0002Verify.ProgramCodeFixAsync(
        RuleSources.Usings + """
        var agent = new Agent();
        {|CG0002:agent.AnswerStreamed("hi")|};
        await Task.Yield();
        """ + RuleSources.Agent,
        RuleSources.Usings + """
        var agent = new Agent();
        await using var run = agent.AnswerStreamed("hi");
        await Task.Yield();
        """ + RuleSources.Agent);
}

using CancelGen.Analyzers.Tests.Verifiers;

namespace CancelGen.Analyzers.Tests.Rules;

/// <summary>
/// CG0002 recall: a run thrown away through any expression that yields one (<c>?.</c>, <c>?:</c>, <c>??</c>,
/// switch expressions, <c>await</c>) or bound by a pattern to a local that is never used.
/// </summary>
public sealed class CG0002RecallTests
{
    private static Task VerifyAsync(string source) => CG0002Verify.AnalyzerAsync(Wrap(source));

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        CG0002Verify.CodeFixAsync(Wrap(source), Wrap(fixedSource));

    private static string Wrap(string source) => RuleSources.Usings + source + RuleSources.Agent;

    [Fact]
    public Task Runs_thrown_away_through_any_expression_fire() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent? agent, bool brief, int mode, RunResultStreaming<string>? cached)
            {
                {|CG0002:agent?.AnswerStreamed("a")|};
                _ = brief ? {|CG0002:agent!.AnswerStreamed("b")|} : null;
                _ = mode switch { 0 => {|CG0002:agent!.AnswerStreamed("c")|}, _ => null };
                _ = cached ?? {|CG0002:await agent!.AnswerLaterAsync("d")|};
                var kept = {|CG0002:agent!.AnswerStreamed("e")|} ?? throw new InvalidOperationException();
                Console.WriteLine(kept.Status);
            }
        }
        """);

    [Fact]
    public Task Pattern_bound_locals_that_are_never_used_fire() => VerifyAsync(
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent)
            {
                if ({|CG0002:agent.AnswerStreamed("a")|} is { } run)
                {
                    Console.WriteLine(run.Status);
                }

                if ({|CG0002:await agent.AnswerLaterAsync("b")|} is RunResultStreaming<string> typed)
                {
                    typed.Pause();
                }

                if ({|CG0002:agent.AnswerStreamed("c")|} is null)
                {
                    return;
                }

                switch ({|CG0002:agent.AnswerStreamed("d")|})
                {
                    case { } started:
                        Console.WriteLine(started.CurrentTurn);
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task Runs_kept_through_any_expression_are_silent() => VerifyAsync(
        """
        public sealed class Chat
        {
            private RunResultStreaming<string>? _current;

            public async Task<RunResultStreaming<string>?> KeptAsync(Agent? agent, bool brief, int mode, List<RunResultStreaming<string>?> runs)
            {
                await using var either = brief ? agent!.AnswerStreamed("a") : agent!.AnswerStreamed("b");
                _current = agent?.AnswerStreamed("c");
                runs.Add(agent?.AnswerStreamed("d"));

                if (agent!.AnswerStreamed("e") is { } matched)
                {
                    await matched.DisposeAsync();
                }

                var chosen = mode switch { 0 => agent.AnswerStreamed("f"), _ => agent.AnswerStreamed("g") };
                runs.Add(chosen);

                var selected = agent.AnswerStreamed("h") switch { { } some => some, _ => null };
                runs.Add(selected);

                if (await agent.AnswerLaterAsync("i") is { } later)
                {
                    await foreach (var e in later.StreamEvents()) { }
                    later.Cancel();
                }

                return brief ? agent.AnswerStreamed("j") : null;
            }
        }
        """);

    [Fact]
    public Task Null_conditional_call_statement_gets_the_await_using_fix() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent? agent)
            {
                // warm up, if there is an agent
                {|CG0002:agent?.AnswerStreamed("hi")|}; // oops
                await Task.Yield();
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent? agent)
            {
                // warm up, if there is an agent
                await using var run = agent?.AnswerStreamed("hi"); // oops
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Discarded_conditional_of_two_runs_gets_one_await_using_local() => VerifyFixAsync(
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent, bool brief)
            {
                _ = brief ? {|CG0002:agent.AnswerStreamed("short")|} : {|CG0002:agent.AnswerStreamed("long")|};
                await Task.Yield();
            }
        }
        """,
        """
        public static class Chat
        {
            public static async Task StartAsync(Agent agent, bool brief)
            {
                await using var run = brief ? agent.AnswerStreamed("short") : agent.AnswerStreamed("long");
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Pattern_bound_and_possibly_foreign_runs_fire_without_a_fix() =>
        CG0002Verify.CodeFixAsync(
            Wrap("""
            public static class Chat
            {
                public static async Task StartAsync(Agent agent, RunResultStreaming<string>? cached)
                {
                    if ({|CG0002:agent.AnswerStreamed("a")|} is { } run)
                    {
                        Console.WriteLine(run.Status);
                    }

                    _ = cached ?? {|CG0002:agent.AnswerStreamed("b")|};
                    await Task.Yield();
                }
            }
            """),
            Wrap("""
            public static class Chat
            {
                public static async Task StartAsync(Agent agent, RunResultStreaming<string>? cached)
                {
                    if ({|CG0002:agent.AnswerStreamed("a")|} is { } run)
                    {
                        Console.WriteLine(run.Status);
                    }

                    _ = cached ?? {|CG0002:agent.AnswerStreamed("b")|};
                    await Task.Yield();
                }
            }
            """));
}

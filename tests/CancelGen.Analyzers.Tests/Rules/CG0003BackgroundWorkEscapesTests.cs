using CancelGen.Analyzers.Tests.Verifiers;

namespace CancelGen.Analyzers.Tests.Rules;

/// <summary>CG0003: background work started inside a [StreamingRun] method escapes the run.</summary>
public sealed class CG0003BackgroundWorkEscapesTests
{
    private const string Usings = RuleSources.Usings;

    private static Task VerifyAsync(string source) => CG0003Verify.AnalyzerAsync(Usings + source);

    private static Task VerifyFixAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        CG0003Verify.CodeFixAsync(Usings + source, Usings + fixedSource, equivalenceKey);

    [Fact]
    public Task Task_Run_statement_fires_and_fix_tracks_it_with_the_RunContext_parameter() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task<string> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
            {
                {|CG0003:Task.Run(() => Console.WriteLine(question))|};
                await run.EmitAsync(question);
                return question;
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task<string> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
            {
                _ = run.Track(Task.Run(() => Console.WriteLine(question)));
                await run.EmitAsync(question);
                return question;
            }
        }
        """);

    [Fact]
    public Task Task_Factory_StartNew_fires_and_fix_tracks_it() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> ctx, CancellationToken cancellationToken)
            {
                // start the guardrail
                {|CG0003:Task.Factory.StartNew(() => Console.WriteLine())|}; // trailing comment
                await ctx.EmitAsync("x");
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> ctx, CancellationToken cancellationToken)
            {
                // start the guardrail
                _ = ctx.Track(Task.Factory.StartNew(() => Console.WriteLine())); // trailing comment
                await ctx.EmitAsync("x");
            }
        }
        """);

    [Fact]
    public Task Discarded_task_fires_and_fix_tracks_it_inside_the_discard() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                _ = {|CG0003:SendTelemetryAsync(input)|};
                await Task.Yield();
                yield return input;
            }

            private static Task SendTelemetryAsync(string text) => Task.CompletedTask;
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                _ = run.Track(SendTelemetryAsync(input));
                await Task.Yield();
                yield return input;
            }

            private static Task SendTelemetryAsync(string text) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Unawaited_call_statement_fires_and_fix_discards_the_tracked_task() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                {|CG0003:CallToolAsync()|};
                await run.EmitAsync("done");
            }

            private Task<int> CallToolAsync() => Task.FromResult(1);
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                _ = run.Track(CallToolAsync());
                await run.EmitAsync("done");
            }

            private Task<int> CallToolAsync() => Task.FromResult(1);
        }
        """);

    [Fact]
    public Task Dropped_ValueTask_fires_and_fix_tracks_it_as_a_Task() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                {|CG0003:FlushAsync()|};
                _ = {|CG0003:FlushAsync()|};
                await run.EmitAsync("done");
            }

            private ValueTask FlushAsync() => default;
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                _ = run.Track(FlushAsync().AsTask());
                _ = run.Track(FlushAsync().AsTask());
                await run.EmitAsync("done");
            }

            private ValueTask FlushAsync() => default;
        }
        """);

    [Fact]
    public Task Task_stored_in_a_local_never_used_fires_and_fix_tracks_the_initializer() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                var pending = {|CG0003:Task.Run(() => 42)|};
                Task later;
                later = {|CG0003:Task.Delay(10)|};
                await run.EmitAsync("done");
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                var pending = run.Track(Task.Run(() => 42));
                Task later;
                later = run.Track(Task.Delay(10));
                await run.EmitAsync("done");
            }
        }
        """);

    [Fact]
    public Task Escaping_work_in_lambdas_and_local_functions_fires() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                Action start = () => {|CG0003:Task.Run(() => { })|};
                start();
                Fire();
                await run.EmitAsync("done");

                void Fire()
                {
                    {|CG0003:Task.Delay(5)|};
                }
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                Action start = () => run.Track(Task.Run(() => { }));
                start();
                Fire();
                await run.EmitAsync("done");

                void Fire()
                {
                    _ = run.Track(Task.Delay(5));
                }
            }
        }
        """);

    [Fact]
    public Task Task_Run_of_an_async_lambda_can_be_started_with_RunContext_Run_instead() => CG0003Verify.FixAllAsync(
        Usings + """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                {|CG0003:Task.Run(async () => { await Task.Delay(10); })|};
                _ = {|CG0003:Task.Run(async () => await CallToolAsync(), cancellationToken)|};
                var pending = {|CG0003:Task.Run(static async () => await CallToolAsync())|};
                {|CG0003:CallToolAsync()|};
                await run.EmitAsync("done");
            }

            private static Task<int> CallToolAsync() => Task.FromResult(1);

            [StreamingRun]
            public async Task OtherAsync(RunContext<string> run)
            {
                var ct = 1;
                {|CG0003:Task.Run(async () => await Task.Delay(ct))|};
                await run.EmitAsync("done");
            }
        }
        """,
        Usings + """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                _ = run.Run(async ct => { await Task.Delay(10); });
                _ = run.Run(async ct => await CallToolAsync());
                var pending = run.Run(static async ct => await CallToolAsync());
                {|CG0003:CallToolAsync()|};
                await run.EmitAsync("done");
            }

            private static Task<int> CallToolAsync() => Task.FromResult(1);

            [StreamingRun]
            public async Task OtherAsync(RunContext<string> run)
            {
                var ct = 1;
                _ = run.Run(async token => await Task.Delay(ct));
                await run.EmitAsync("done");
            }
        }
        """,
        Usings + """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                _ = run.Run(async ct => { await Task.Delay(10); });
                _ = run.Run(async ct => await CallToolAsync());
                var pending = run.Run(static async ct => await CallToolAsync());
                _ = run.Track(CallToolAsync());
                await run.EmitAsync("done");
            }

            private static Task<int> CallToolAsync() => Task.FromResult(1);

            [StreamingRun]
            public async Task OtherAsync(RunContext<string> run)
            {
                var ct = 1;
                _ = run.Run(async token => await Task.Delay(ct));
                await run.EmitAsync("done");
            }
        }
        """,
        "CG0003.Run");

    [Fact]
    public Task Unawaited_WhenAll_fires_once_on_the_WhenAll() => VerifyAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                _ = {|CG0003:Task.WhenAll(Task.Run(() => { }), Task.Delay(1))|};
                await run.EmitAsync("done");
            }
        }
        """);

    [Fact]
    public Task New_thread_and_thread_pool_work_items_fire_without_a_fix() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                var thread = {|CG0003:new Thread(() => { })|};
                thread.Start();
                {|CG0003:ThreadPool.QueueUserWorkItem(_ => { })|};
                await run.EmitAsync("done");
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                var thread = {|CG0003:new Thread(() => { })|};
                thread.Start();
                {|CG0003:ThreadPool.QueueUserWorkItem(_ => { })|};
                await run.EmitAsync("done");
            }
        }
        """);

    [Fact]
    public Task Message_names_the_call_that_starts_the_work() =>
        CG0003Verify.AnalyzerAsync(
            Usings + """
            public partial class Agent
            {
                [StreamingRun]
                public async Task AnswerAsync(RunContext<string> run)
                {
                    Task.Run(() => { });
                    await run.EmitAsync("done");
                }
            }
            """,
            CG0003Verify.Diagnostic().WithSpan(12, 9, 12, 28).WithArguments("Task.Run"));

    [Fact]
    public Task Fix_adds_a_RunContext_parameter_before_the_CancellationToken_when_the_method_has_none() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                {|CG0003:Task.Run(() => Console.WriteLine(input))|};
                await Task.Yield();
                yield return input;
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string input, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                _ = run.Track(Task.Run(() => Console.WriteLine(input)));
                await Task.Yield();
                yield return input;
            }
        }
        """);

    [Fact]
    public Task Fix_adds_a_RunContext_parameter_last_and_avoids_a_taken_name() => VerifyFixAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string run)
            {
                {|CG0003:Task.Delay(1)|};
                await Task.Yield();
                yield return run;
            }
        }
        """,
        """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(string run, RunContext runContext)
            {
                _ = runContext.Track(Task.Delay(1));
                await Task.Yield();
                yield return run;
            }
        }
        """);

    [Fact]
    public Task Fix_all_tracks_every_escape_and_adds_the_parameter_once_per_method() =>
        CG0003Verify.CodeFixAsync(
            Usings + """
            public partial class Agent
            {
                [StreamingRun]
                public async IAsyncEnumerable<string> RunAsync(string input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    {|CG0003:Task.Run(() => { })|};
                    _ = {|CG0003:SendAsync()|};
                    var t = {|CG0003:SendAsync()|};
                    await Task.Yield();
                    yield return input;
                }

                [StreamingRun]
                public async Task AnswerAsync(RunContext<string> run)
                {
                    {|CG0003:SendAsync()|};
                    await run.EmitAsync("x");
                }

                private static Task SendAsync() => Task.CompletedTask;
            }
            """,
            Usings + """
            public partial class Agent
            {
                [StreamingRun]
                public async IAsyncEnumerable<string> RunAsync(string input, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    _ = run.Track(Task.Run(() => { }));
                    _ = run.Track(SendAsync());
                    var t = run.Track(SendAsync());
                    await Task.Yield();
                    yield return input;
                }

                [StreamingRun]
                public async Task AnswerAsync(RunContext<string> run)
                {
                    _ = run.Track(SendAsync());
                    await run.EmitAsync("x");
                }

                private static Task SendAsync() => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task Awaited_returned_tracked_and_handed_on_work_is_silent() => VerifyAsync(
        """
        public partial class Agent
        {
            private Task? _background;

            [StreamingRun]
            public async Task<int> AnswerAsync(RunContext<string> run, CancellationToken cancellationToken)
            {
                await Task.Run(() => { });
                await SendAsync().ConfigureAwait(false);
                _ = run.Track(Task.Run(() => { }));
                await run.Track(SendAsync(), "telemetry");
                var answer = await run.Track(Task.Run(() => 42));
                await Task.WhenAll(Task.Run(() => { }), SendAsync());
                var pending = SendAsync();
                await run.EmitAsync("x");
                await pending;
                var tasks = new List<Task> { SendAsync() };
                tasks.Add(Task.Run(() => { }));
                await Task.WhenAll(tasks);
                _background = SendAsync();
                Forward(SendAsync());
                await run.Run(ct => Task.Delay(10, ct));
                await run.Run(async ct => { await Task.Delay(10, ct); });
                return answer;
            }

            private static Task SendAsync() => Task.CompletedTask;

            private static void Forward(Task task) { }
        }
        """);

    [Fact]
    public Task Returned_task_is_silent() => VerifyAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public Task AnswerAsync(RunContext<string> run) => run.EmitAsync("x").AsTask().ContinueWith(_ => Task.Delay(1));

            [StreamingRun]
            public Task<int> OtherAsync(RunContext<string> run)
            {
                return Task.Run(() => 1);
            }
        }
        """);

    [Fact]
    public Task RunContext_members_never_fire() => VerifyAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                _ = run.EmitAsync("x");
                run.EndTurnAsync();
                run.Track(Task.CompletedTask);
                run.Run(ct => Task.CompletedTask);
                await run.EmitAsync("y");
            }
        }
        """);

    [Fact]
    public Task Work_inside_a_RunContext_Run_lambda_is_owned_by_the_run() => VerifyAsync(
        """
        public partial class Agent
        {
            [StreamingRun]
            public async Task AnswerAsync(RunContext<string> run)
            {
                await run.Run(async ct =>
                {
                    _ = Task.Delay(10, ct);
                    await Task.Yield();
                });
            }
        }
        """);

    [Fact]
    public Task Method_without_StreamingRun_is_silent() => VerifyAsync(
        """
        public partial class Agent
        {
            public async Task AnswerAsync(RunContext<string> run)
            {
                Task.Run(() => { });
                _ = SendAsync();
                new Thread(() => { }).Start();
                await run.EmitAsync("x");
                Action a = () => Task.Run(() => { });
            }

            private static Task SendAsync() => Task.CompletedTask;
        }
        """);
}

using CancelGen.Analyzers.Tests.Verifiers;

namespace CancelGen.Analyzers.Tests.Rules;

/// <summary>CG0003: a task kept in a local that is only inspected (IsCompleted, Status, Id, a null test) still escapes the run.</summary>
public sealed class CG0003InspectedTaskTests
{
    private const string Usings = RuleSources.Usings;

    [Fact]
    public Task Task_local_only_inspected_fires_and_fix_tracks_it() => CG0003Verify.CodeFixAsync(
        Usings + """
        public partial class Agent
        {
            [StreamingRun]
            public async Task<string> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
            {
                var pending = {|CG0003:SendAsync(question)|};
                if (pending.IsCompleted)
                {
                    Console.WriteLine(pending.Status + " " + pending.Id);
                }

                if (pending?.IsFaulted == true || pending is null || pending != null)
                {
                    Console.WriteLine(pending?.Exception);
                }

                await run.EmitAsync(question);
                return question;
            }

            private static Task SendAsync(string text) => Task.CompletedTask;
        }
        """,
        Usings + """
        public partial class Agent
        {
            [StreamingRun]
            public async Task<string> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
            {
                var pending = run.Track(SendAsync(question));
                if (pending.IsCompleted)
                {
                    Console.WriteLine(pending.Status + " " + pending.Id);
                }

                if (pending?.IsFaulted == true || pending is null || pending != null)
                {
                    Console.WriteLine(pending?.Exception);
                }

                await run.EmitAsync(question);
                return question;
            }

            private static Task SendAsync(string text) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Value_task_local_only_inspected_fires() => CG0003Verify.AnalyzerAsync(
        Usings + """
        public partial class Agent
        {
            [StreamingRun]
            public async IAsyncEnumerable<string> RunAsync(RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                var flush = {|CG0003:FlushAsync()|};
                if (!flush.IsCompletedSuccessfully)
                {
                    yield return "pending";
                }

                await Task.Yield();
            }

            private static ValueTask FlushAsync() => default;
        }
        """);

    [Fact]
    public Task Task_local_inspected_then_awaited_waited_or_handed_on_is_silent() => CG0003Verify.AnalyzerAsync(
        Usings + """
        public partial class Agent
        {
            [StreamingRun]
            public async Task<int> AnswerAsync(RunContext<string> run, List<Task> tasks, CancellationToken cancellationToken)
            {
                var awaited = CallAsync();
                if (!awaited.IsCompleted)
                {
                    await run.EmitAsync("waiting");
                }

                var total = await awaited;

                var waited = CallAsync();
                total += waited.Status == TaskStatus.RanToCompletion ? waited.Result : 0;

                var handed = CallAsync();
                Console.WriteLine(handed.Id);
                tasks.Add(handed);

                var blocked = CallAsync();
                blocked.Wait(cancellationToken);

                var tracked = CallAsync();
                if (tracked.IsCompleted) return total;
                return await run.Track(tracked);
            }

            private static Task<int> CallAsync() => Task.FromResult(1);
        }
        """);
}

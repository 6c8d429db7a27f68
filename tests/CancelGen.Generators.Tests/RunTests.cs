using System.Reflection;
using System.Runtime.Loader;
using CancelGen.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CancelGen.Generators.Tests;

/// <summary>The generated wrappers, compiled and loaded, start real runs that stream and cancel.</summary>
public sealed class RunTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        namespace Loaded;

        internal sealed partial class Counter
        {
            public int Started;

            [StreamingRun]
            public async IAsyncEnumerable<int> CountAsync(int start, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                Interlocked.Increment(ref Started);
                for (var i = start; ; i++)
                {
                    yield return i;
                    await Task.Delay(5, cancellationToken);
                }
            }

            [StreamingRun]
            public async Task<string> AnswerAsync(string question, RunContext<string> run, CancellationToken cancellationToken)
            {
                foreach (var word in question.Split(' '))
                {
                    await run.EmitAsync(word);
                }

                await Task.Yield();
                return "answer to " + question;
            }

            [StreamingRun(EventHistory = EventHistory.All, BufferCapacity = 1)]
            public static async Task SpellAsync(string word, RunContext<char> run)
            {
                foreach (var letter in word)
                {
                    await run.EmitAsync(letter);
                }
            }

            [StreamingRun]
            public static async ValueTask WaitForeverAsync(RunContext<int> run, CancellationToken cancellationToken)
            {
                await run.EmitAsync(1);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
        """;

    private static readonly Lazy<Assembly> Loaded = new(Load);

    private static Type CounterType => Loaded.Value.GetType("Loaded.Counter", throwOnError: true)!;

    [Fact]
    public async Task Iterator_wrapper_streams_events_and_Cancel_stops_the_run()
    {
        var counter = Activator.CreateInstance(CounterType)!;
        var run = (RunResultStreaming<int>)Invoke(counter, "CountStreamed", 5, CancellationToken.None);

        var events = new List<int>();
        await foreach (var item in run.StreamEvents())
        {
            events.Add(item);
            if (events.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([5, 6, 7], events);
        Assert.Equal(RunStatus.Running, run.Status);

        await run.CancelAsync();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(run.Completion.IsCompletedSuccessfully);
        Assert.Equal(1, (int)CounterType.GetField("Started")!.GetValue(counter)!);
    }

    [Fact]
    public async Task Wrapper_token_stops_the_run()
    {
        var counter = Activator.CreateInstance(CounterType)!;
        using var stop = new CancellationTokenSource();
        var run = (RunResultStreaming<int>)Invoke(counter, "CountStreamed", 0, stop.Token);

        await foreach (var item in run.StreamEvents())
        {
            if (item == 2)
            {
                await stop.CancelAsync();
            }
        }

        await run.Completion;
        Assert.Equal(RunStatus.Cancelled, run.Status);
    }

    [Fact]
    public async Task Emitter_wrapper_streams_events_and_gives_the_final_output()
    {
        var counter = Activator.CreateInstance(CounterType)!;
        await using var run = (RunResultStreaming<string, string>)Invoke(counter, "AnswerStreamed", "why is it", CancellationToken.None);

        var events = new List<string>();
        await foreach (var item in run.StreamEvents())
        {
            events.Add(item);
        }

        Assert.Equal(["why", "is", "it"], events);
        Assert.Equal("answer to why is it", await run.FinalOutput);
        await run.Completion;
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Static_ValueTask_wrapper_is_cancelled_by_DisposeAsync()
    {
        var run = (RunResultStreaming<int>)Invoke(null, "WaitForeverStreamed", CancellationToken.None);

        await foreach (var item in run.StreamEvents())
        {
            Assert.Equal(1, item);
            break;
        }

        await run.DisposeAsync();

        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(run.Completion.IsCompleted);
    }

    [Fact]
    public async Task Run_options_on_the_attribute_reach_the_run()
    {
        await using var run = (RunResultStreaming<char>)Invoke(null, "SpellStreamed", "abc", CancellationToken.None);

        var events = new List<char>();
        await foreach (var item in run.StreamEvents())
        {
            events.Add(item);
        }

        await run.Completion;
        Assert.Equal(['a', 'b', 'c'], events);
        Assert.Equal(['a', 'b', 'c'], run.GetProgress().RecordedEvents); // EventHistory.All
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    private static object Invoke(object? target, string name, params object?[] arguments)
    {
        var method = CounterType.GetMethod(name, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"The generated method '{name}' is missing.");
        return method.Invoke(target, arguments)!;
    }

    private static Assembly Load()
    {
        var outcome = GeneratorHarness.Run(Source);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);

        using var stream = new MemoryStream();
        var emit = outcome.OutputCompilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;

        // CancelGen itself resolves from the default context, so the loaded code and this test share its types.
        var context = new AssemblyLoadContext("CancelGen.Generators.Tests.RunTests", isCollectible: true);
        return context.LoadFromStream(stream);
    }
}

namespace CancelGen.Generators.Tests;

/// <summary>
/// One source per supported shape. Each is valid C# on its own (with the runtime), uses its wrapper, and has a
/// checked-in baseline of the generated text.
/// </summary>
public static class Shapes
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        """;

    public static readonly IReadOnlyDictionary<string, string> All = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["IteratorWithContextAndToken"] = Usings + """
            namespace Agents;

            /// <summary>An event of an agent run.</summary>
            /// <param name="Text">The event's text.</param>
            public sealed record AgentEvent(string Text);

            /// <summary>A documented public agent.</summary>
            public partial class WeatherAgent
            {
                /// <summary>Runs the agent on <paramref name="input"/>, using <paramref name="run"/> for turns.</summary>
                /// <param name="input">The user's question.</param>
                /// <param name="run">The run's context.</param>
                /// <param name="cancellationToken">The run's token.</param>
                /// <returns>The events of the run.</returns>
                /// <remarks>See <see cref="AgentEvent"/>.</remarks>
                [StreamingRun]
                public async IAsyncEnumerable<AgentEvent> RunAsync(string input, RunContext run,
                    [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Yield();
                    yield return new AgentEvent(input);
                    await run.EndTurnAsync();
                }

                internal RunResultStreaming<AgentEvent> Use() => RunStreamed("hi");
            }
            """,

        ["IteratorStaticGlobalNamespace"] = Usings + """
            internal static partial class Ticker
            {
                [StreamingRun]
                public static async IAsyncEnumerable<int> Ticks(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Yield();
                        yield return i;
                    }
                }

                internal static RunResultStreaming<int> Use(CancellationToken token) => TicksStreamed(3, token);
            }
            """,

        ["EmitterTaskOfOutput"] = Usings + """
            namespace Agents
            {
                internal sealed class Reply
                {
                    public string Text { get; set; } = "";
                }

                internal partial class Answerer
                {
                    // The token first and the context last: both are supplied in place.
                    [StreamingRun]
                    public async Task<string?> AnswerAsync(CancellationToken cancellationToken, string question, RunContext<Reply> run)
                    {
                        await run.EmitAsync(new Reply { Text = question });
                        await Task.Delay(1, cancellationToken);
                        return question.Length > 0 ? question : null;
                    }

                    internal RunResultStreaming<Reply, string?> Use() => AnswerStreamed("why?");
                }
            }
            """,

        ["EmitterTask"] = Usings + """
            namespace Agents;

            internal partial class Logger
            {
                [StreamingRun]
                protected internal Task LogAsync(RunContext<string> run, string line) => run.EmitAsync(line).AsTask();

                internal RunResultStreaming<string> Use() => LogStreamed("line");
            }
            """,

        ["EmitterValueTasks"] = Usings + """
            namespace Agents;

            internal partial class Counter
            {
                [StreamingRun]
                internal async ValueTask CountAsync(RunContext<int> run, int upTo)
                {
                    for (var i = 0; i < upTo; i++)
                    {
                        await run.EmitAsync(i);
                    }
                }

                [StreamingRun]
                internal async ValueTask<long> SumAsync(RunContext<int> run, CancellationToken cancellationToken, params int[] values)
                {
                    long sum = 0;
                    foreach (var value in values)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await run.EmitAsync(value);
                        sum += value;
                    }

                    return sum;
                }

                internal RunResultStreaming<int, long> Use() => SumStreamed(1, 2, 3);

                internal RunResultStreaming<int, long> UseWithToken(CancellationToken token) => SumStreamed(new[] { 1, 2 }, token);

                internal RunResultStreaming<int> UseCount() => CountStreamed(2);
            }
            """,

        ["GenericMethodWithConstraints"] = Usings + """
            namespace Agents;

            internal interface IState
            {
                string Name { get; }
            }

            internal partial class Planner
            {
                [StreamingRun]
                public async Task<TState> PlanAsync<TState, TEvent>(TState seed, RunContext<TEvent> run, Func<TState, TEvent> toEvent)
                    where TState : class, IState, new()
                    where TEvent : notnull
                {
                    await run.EmitAsync(toEvent(seed));
                    return seed;
                }

                [StreamingRun]
                public async IAsyncEnumerable<T> EchoAsync<T>(T value, RunContext run)
                    where T : struct
                {
                    await run.EndTurnAsync();
                    yield return value;
                }
            }
            """,

        ["NestedGenericContainingTypes"] = Usings + """
            namespace Agents.Nested
            {
                internal partial class Outer<TKey>
                    where TKey : notnull
                {
                    internal partial record Middle<TValue>(TValue Value)
                    {
                        internal partial class Inner
                        {
                            [StreamingRun]
                            public async IAsyncEnumerable<KeyValuePair<TKey, TValue>> PairsAsync(TKey key, TValue value)
                            {
                                await Task.Yield();
                                yield return new KeyValuePair<TKey, TValue>(key, value);
                            }

                            [StreamingRun]
                            protected static async IAsyncEnumerable<TKey> KeysAsync(TKey key)
                            {
                                await Task.Yield();
                                yield return key;
                            }
                        }
                    }
                }
            }
            """,

        ["StructsStaticMethods"] = Usings + """
            namespace Agents;

            internal partial record struct Calculator(int Seed)
            {
                [StreamingRun]
                public static async IAsyncEnumerable<int> SquaresAsync(int count, RunContext run)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await run.EndTurnAsync();
                        yield return i * i;
                    }
                }
            }

            internal readonly ref partial struct Scratch
            {
                [StreamingRun]
                public static async IAsyncEnumerable<byte> BytesAsync(byte[] data)
                {
                    foreach (var b in data)
                    {
                        await Task.Yield();
                        yield return b;
                    }
                }
            }

            internal readonly partial struct Clock
            {
                [StreamingRun]
                public static async Task TickAsync(RunContext<DateTime> run)
                {
                    await run.EmitAsync(DateTime.UnixEpoch);
                }
            }
            """,

        ["ParametersDefaultsAndAttributes"] = Usings + """
            namespace Agents;

            internal enum Level
            {
                Low = -1,
                High = 2,
            }

            internal partial class Configured
            {
                [StreamingRun]
                public async IAsyncEnumerable<string> RunAsync(
                    string? name = null,
                    int count = 3,
                    Level level = Level.Low,
                    Level? maybeLevel = Level.High,
                    double ratio = 0.5,
                    float limit = float.PositiveInfinity,
                    decimal price = 1.25m,
                    char separator = '\n',
                    string greeting = "say \"hi\"",
                    (int Id, string Label) tag = default,
                    [EnumeratorCancellation] CancellationToken token = default,
                    [CallerMemberName] string caller = "",
                    params string[] extras)
                {
                    await Task.Yield();
                    yield return $"{name}{count}{level}{maybeLevel}{ratio}{limit}{price}{separator}{greeting}{tag}{caller}{extras.Length}";
                    token.ThrowIfCancellationRequested();
                }

                internal RunResultStreaming<string> Use() => RunStreamed("n", 1, Level.High, null, 1, 2, 3, ',', "x", (1, "a"), "me", "e1", "e2");
            }
            """,

        ["MethodNameAndKeywords"] = Usings + """
            namespace Agents;

            internal partial class Keywords
            {
                // A custom name; parameters named like keywords and like the wrapper's own names.
                [StreamingRun(MethodName = "Go")]
                private async IAsyncEnumerable<string> Internal(string @class, string cancellationToken, int __run, RunContext @event)
                {
                    await @event.EndTurnAsync();
                    yield return @class + cancellationToken + __run;
                }

                internal RunResultStreaming<string> Use() => Go("a", "b", 1);
            }
            """,

        ["RunOptionsOnAttribute"] = Usings + """
            namespace Agents;

            internal partial class Recorder
            {
                // Options become the RunOptions of every run the wrapper starts; defaults are left out.
                [StreamingRun(EventHistory = EventHistory.CurrentTurn, BufferCapacity = 64)]
                internal async Task RecordAsync(RunContext<string> run) => await run.EmitAsync("a");

                [StreamingRun(EventHistory = EventHistory.None, BufferCapacity = 0)]
                internal async Task PlainAsync(RunContext<string> run) => await run.EmitAsync("b");

                internal RunResultStreaming<string> Use() => RecordStreamed();

                internal RunResultStreaming<string> UsePlain() => PlainStreamed();
            }
            """,

        ["ExtensionMethod"] = Usings + """
            namespace Agents;

            internal static partial class StringRuns
            {
                [StreamingRun]
                public static async IAsyncEnumerable<char> LettersAsync(this string text, RunContext run)
                {
                    foreach (var c in text)
                    {
                        await run.EndTurnAsync();
                        yield return c;
                    }
                }

                internal static RunResultStreaming<char> Use() => "abc".LettersStreamed();
            }
            """,

        ["NullableDisabledContext"] = Usings + """
            #nullable disable
            namespace Agents;

            internal partial class Legacy
            {
                [StreamingRun]
                public async Task<string> FetchAsync(RunContext<string> run, string url = null, object state = null)
                {
                    await run.EmitAsync(url);
                    return url + state;
                }

                internal RunResultStreaming<string, string> Use() => FetchStreamed(null);
            }
            """,

        ["InheritanceHidesBaseWrapper"] = Usings + """
            namespace Agents;

            internal partial class BaseAgent
            {
                [StreamingRun]
                public virtual async IAsyncEnumerable<string> RunAsync(string input)
                {
                    await Task.Yield();
                    yield return "base " + input;
                }
            }

            internal sealed partial class DerivedAgent : BaseAgent
            {
                [StreamingRun]
                public override async IAsyncEnumerable<string> RunAsync(string input)
                {
                    await Task.Yield();
                    yield return "derived " + input;
                }

                internal RunResultStreaming<string> Use() => RunStreamed("x");
            }
            """,

        ["MarkedOverloads"] = Usings + """
            namespace Agents;

            internal partial class Overloaded
            {
                [StreamingRun]
                public Task SendAsync(RunContext<string> run, string text) => run.EmitAsync(text).AsTask();

                [StreamingRun]
                public Task SendAsync(RunContext<string> run, int number) => run.EmitAsync(number.ToString()).AsTask();

                internal RunResultStreaming<string> Use() => SendStreamed(42);
            }
            """,

        ["AccessibilityAndHiding"] = Usings + """
            namespace Agents;

            internal abstract class Named
            {
                public string? ReplyStreamed { get; set; }

                protected abstract IAsyncEnumerable<int> CountAsync(int upTo);

                private protected abstract Task ReplyAsync(RunContext<string> run);
            }

            internal sealed partial class Sealed : Named
            {
                // A new protected member of a sealed class would warn (CS0628): the wrapper becomes private.
                [StreamingRun]
                protected override async IAsyncEnumerable<int> CountAsync(int upTo)
                {
                    for (var i = 0; i < upTo; i++)
                    {
                        await Task.Yield();
                        yield return i;
                    }
                }

                // Hides the inherited property: the wrapper says 'new'.
                [StreamingRun]
                private protected override Task ReplyAsync(RunContext<string> run) => run.EmitAsync("r").AsTask();

                internal RunResultStreaming<int> Use() => CountStreamed(3);

                internal RunResultStreaming<string> UseReply() => ReplyStreamed();
            }
            """,

        ["ExperimentalMethod"] = Usings + """
            using System.Diagnostics.CodeAnalysis;

            namespace Agents;

            internal partial class Preview
            {
                [Experimental("CGTEST01")]
                [StreamingRun]
                public async IAsyncEnumerable<int> TryAsync()
                {
                    await Task.Yield();
                    yield return 1;
                }
            }
            """,

        ["NullForgivingAndGenericDefaults"] = Usings + """
            namespace Agents;

            internal partial class Defaults<TItem>
            {
                [StreamingRun]
                public async IAsyncEnumerable<TItem?> EchoAsync<TValue>([System.Runtime.InteropServices.Optional] int flags, string label = null!, TItem? item = default, TValue value = default!)
                {
                    await Task.Yield();
                    yield return item;
                    _ = label + value + flags;
                }

                internal RunResultStreaming<TItem?> Use() => EchoStreamed<int>();
            }
            """,

        ["ObsoleteAndPartialMethod"] = Usings + """
            namespace Agents;

            internal partial class Old
            {
                [Obsolete("Use NewAsync.")]
                [StreamingRun]
                public async IAsyncEnumerable<int> OldAsync()
                {
                    await Task.Yield();
                    yield return 1;
                }

                /// <summary>Declared here, implemented below.</summary>
                /// <param name="run">The context.</param>
                /// <param name="value">The value.</param>
                [StreamingRun]
                public partial Task SplitAsync(RunContext<int> run, int value);

                public partial Task SplitAsync(RunContext<int> run, int value) => run.EmitAsync(value).AsTask();
            }
            """,
    };
}

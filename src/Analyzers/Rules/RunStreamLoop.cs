using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// An <c>await foreach</c> over a run's <c>StreamEvents()</c>, found by following the loop's collection down
/// through <c>WithCancellation</c>/<c>ConfigureAwait</c> and extension-method chains (LINQ-style operators).
/// </summary>
internal readonly struct RunStreamLoop
{
    private RunStreamLoop(IForEachLoopOperation loop, IInvocationOperation streamEvents, IOperation run)
    {
        Loop = loop;
        StreamEvents = streamEvents;
        Run = run;
    }

    /// <summary>The <c>await foreach</c> loop.</summary>
    public IForEachLoopOperation Loop { get; }

    /// <summary>The <c>StreamEvents(...)</c> call the loop's collection comes from.</summary>
    public IInvocationOperation StreamEvents { get; }

    /// <summary>The run handle <c>StreamEvents</c> is called on, conversions removed.</summary>
    public IOperation Run { get; }

    /// <summary>
    /// Whether the handle is created in the loop header itself (<c>X().StreamEvents()</c>): nothing can dispose it.
    /// </summary>
    public bool IsInline => Run is IInvocationOperation or IObjectCreationOperation or IAwaitOperation;

    /// <summary>Finds the run behind <paramref name="loop"/>, when it is an <c>await foreach</c> over one.</summary>
    public static bool TryCreate(IForEachLoopOperation loop, RunSymbols symbols, out RunStreamLoop result)
    {
        result = default;
        if (!loop.IsAsynchronous)
        {
            return false;
        }

        var collection = StreamingRunOperations.WithoutConversions(loop.Collection);
        for (var depth = 0; depth < 64 && collection is IInvocationOperation invocation; depth++)
        {
            var method = invocation.TargetMethod;
            if (invocation.Instance is { } instance && symbols.IsStreamEvents(method))
            {
                if (StreamingRunOperations.WithoutConversions(instance) is not { } run)
                {
                    return false;
                }

                result = new RunStreamLoop(loop, invocation, run);
                return true;
            }

            if (invocation.Instance is { } receiver && method.Name is "WithCancellation" or "ConfigureAwait")
            {
                collection = StreamingRunOperations.WithoutConversions(receiver);
            }
            else if (method.IsExtensionMethod && ExtendedArgument(invocation) is { } extended)
            {
                collection = StreamingRunOperations.WithoutConversions(extended);
            }
            else
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The value passed as an extension method's <c>this</c> parameter.</summary>
    private static IOperation? ExtendedArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 })
            {
                return argument.Value;
            }
        }

        return null;
    }
}

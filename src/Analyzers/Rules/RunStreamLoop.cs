using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// An <c>await foreach</c> over a run's <c>StreamEvents()</c>, found by following the loop's collection down
/// through <c>WithCancellation</c>/<c>ConfigureAwait</c> and extension-method chains (LINQ-style operators).
/// </summary>
internal readonly struct RunStreamLoop
{
    private RunStreamLoop(IOperation run) => Run = run;

    /// <summary>The run handle <c>StreamEvents</c> is called on, conversions removed.</summary>
    public IOperation Run { get; }

    /// <summary>
    /// The run created in the loop header itself (<c>X().StreamEvents()</c>, also as one alternative of
    /// <c>(c ? X() : Y())</c>, <c>(_run ?? X())</c>, a switch expression or <c>x?.X()</c>): nothing can dispose it.
    /// <see langword="null"/> when the header creates none.
    /// </summary>
    public IOperation? InlineCreation => RunValueFlow.FirstCreation(Run);

    /// <summary>Whether the handle is created in the loop header itself (see <see cref="InlineCreation"/>).</summary>
    public bool IsInline => InlineCreation is not null;

    /// <summary>The locals the handle may come from: <c>run</c>, or each local of <c>(c ? first : second)</c>.</summary>
    public IEnumerable<ILocalSymbol> Locals
    {
        get
        {
            foreach (var source in RunValueFlow.Sources(Run))
            {
                if (source is ILocalReferenceOperation { Local: { } local })
                {
                    yield return local;
                }
            }
        }
    }

    /// <summary>Finds the run behind <paramref name="loop"/>, when it is an <c>await foreach</c> over one.</summary>
    public static bool TryCreate(IForEachLoopOperation loop, RunSymbols symbols, out RunStreamLoop result)
    {
        result = default;
        if (!loop.IsAsynchronous)
        {
            return false;
        }

        var collection = StreamingRunOperations.WithoutConversions(loop.Collection);
        for (var depth = 0; depth < 64 && collection is not null; depth++)
        {
            switch (collection)
            {
                case IInvocationOperation { Instance: { } instance } invocation when symbols.IsStreamEvents(invocation.TargetMethod):
                    if (StreamingRunOperations.WithoutConversions(instance) is not { } run)
                    {
                        return false;
                    }

                    result = new RunStreamLoop(run);
                    return true;
                case IInvocationOperation { Instance: { } receiver, TargetMethod.Name: "WithCancellation" or "ConfigureAwait" }:
                    collection = StreamingRunOperations.WithoutConversions(receiver);
                    break;
                case IInvocationOperation { TargetMethod.IsExtensionMethod: true } invocation:
                    collection = StreamingRunOperations.WithoutConversions(ExtendedArgument(invocation));
                    break;
                case ILocalReferenceOperation { Local: { } local } reference when !symbols.IsRun(local.Type):
                    // A stream kept in a local first: var events = run.StreamEvents();
                    collection = StreamingRunOperations.WithoutConversions(StreamingRunOperations.InitializerOf(local, reference.SemanticModel));
                    break;
                default:
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

using Microsoft.CodeAnalysis;

namespace CancelGen.Generators.Diagnostics;

/// <summary>
/// The generator's diagnostics (CG1001 up): each one a distinct misuse of <c>[StreamingRun]</c>. All are
/// errors: the wrapper is not generated while one applies, and the message says what to change.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CancelGen.Generator";

    private static string HelpLink(string id) => $"https://github.com/CancelGen/CancelGen/blob/main/docs/rules/{id}.md";

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat, string description) =>
        new(id, title, messageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpLink(id));

    /// <summary>CG1001: a type containing the marked method is not partial.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "CG1001",
        "The type of a [StreamingRun] method must be partial",
        "[StreamingRun] method '{0}' needs its containing type(s) to be partial so the generated '{1}' can be added: add the 'partial' modifier to {2}",
        "The generator adds the wrapper method as another part of the method's type, so that type and every type that contains it must be declared 'partial'.");

    /// <summary>CG1002: the return type fits neither form.</summary>
    public static readonly DiagnosticDescriptor InvalidReturnType = Error(
        "CG1002",
        "A [StreamingRun] method must return IAsyncEnumerable<TEvent>, Task, Task<TOutput>, ValueTask or ValueTask<TOutput>",
        "[StreamingRun] method '{0}' returns '{1}': return IAsyncEnumerable<TEvent> (an async iterator that yields its events) or Task, Task<TOutput>, ValueTask or ValueTask<TOutput> (a method that emits its events through a RunContext<TEvent> parameter)",
        "Only two shapes can be started as a streamed run: an async iterator returning IAsyncEnumerable<TEvent>, or an emitter returning a task and taking a RunContext<TEvent>.");

    /// <summary>CG1003: an IAsyncEnumerable-returning method that is not an async iterator.</summary>
    public static readonly DiagnosticDescriptor NotAsyncIterator = Error(
        "CG1003",
        "An IAsyncEnumerable [StreamingRun] method must be an async iterator",
        "[StreamingRun] method '{0}' returns IAsyncEnumerable<{1}> but is not an async iterator: declare it 'async' and produce its events with 'yield return'",
        "The iterator form runs the method's body as the run: it must be an 'async' method that uses 'yield return', so that the run's token and cancellation reach its awaits.");

    /// <summary>CG1004: an iterator-form method takes a RunContext&lt;T&gt;.</summary>
    public static readonly DiagnosticDescriptor IteratorContextHasEventType = Error(
        "CG1004",
        "An iterator [StreamingRun] method takes a plain RunContext",
        "Parameter '{0}' of iterator [StreamingRun] method '{1}' is a '{2}', which does not fit the iterator form (it yields its events of type '{3}'): change the parameter's type to 'RunContext', or make the method an emitter returning Task and emit with EmitAsync",
        "An iterator's events are what it yields; the runtime hands it a plain RunContext (turns, tracked work). RunContext<T> is the emitter form's context.");

    /// <summary>CG1005: an emitter-form method has no RunContext&lt;TEvent&gt; parameter.</summary>
    public static readonly DiagnosticDescriptor EmitterNeedsTypedContext = Error(
        "CG1005",
        "An emitter [StreamingRun] method needs a RunContext<TEvent> parameter",
        "[StreamingRun] method '{0}' returns '{1}' and so is an emitter, which needs a 'RunContext<TEvent>' parameter to emit its events and give their type: add one (or change its 'RunContext' parameter to 'RunContext<TEvent>')",
        "The emitter form pushes its events with RunContext<TEvent>.EmitAsync; the parameter's type argument is the run's event type.");

    /// <summary>CG1006: more than one CancellationToken parameter.</summary>
    public static readonly DiagnosticDescriptor TwoCancellationTokens = Error(
        "CG1006",
        "A [StreamingRun] method takes at most one CancellationToken",
        "Parameter '{0}' is a second CancellationToken of [StreamingRun] method '{1}': the run supplies exactly one token; remove this parameter (use RunContext.CancellationToken or a linked token inside the method)",
        "The wrapper passes the run's token to the method's CancellationToken parameter; with two, it could not tell which one is the run's.");

    /// <summary>CG1007: more than one RunContext parameter.</summary>
    public static readonly DiagnosticDescriptor TwoContexts = Error(
        "CG1007",
        "A [StreamingRun] method takes at most one RunContext",
        "Parameter '{0}' is a second run context of [StreamingRun] method '{1}': a run has one context; remove this parameter",
        "The wrapper passes the run's context to the method's RunContext parameter; a run has exactly one.");

    /// <summary>CG1008: a parameter the run cannot capture (by-reference, pointer, ref struct, __arglist).</summary>
    public static readonly DiagnosticDescriptor ParameterCannotBeCaptured = Error(
        "CG1008",
        "[StreamingRun] method parameters must be passed by value",
        "Parameter '{0}' of [StreamingRun] method '{1}' is {2}, which a run cannot keep: the run outlives the call that starts it, so pass the value by value (a plain, non-ref type)",
        "The wrapper captures the arguments and calls the method later, on the run: ref, out, in and ref readonly parameters, pointers, ref structs and __arglist cannot be captured.");

    /// <summary>CG1009: async void.</summary>
    public static readonly DiagnosticDescriptor AsyncVoid = Error(
        "CG1009",
        "A [StreamingRun] method cannot be async void",
        "[StreamingRun] method '{0}' is 'async void', so the run could never know when it ends or fails: return Task and take a RunContext<TEvent> (emitter), or return IAsyncEnumerable<TEvent> (iterator)",
        "An async void method cannot be awaited; its end and its exceptions would escape the run.");

    /// <summary>CG1010: no body to call (abstract, extern, partial without implementation).</summary>
    public static readonly DiagnosticDescriptor NoBody = Error(
        "CG1010",
        "A [StreamingRun] method needs a body",
        "[StreamingRun] method '{0}' is {1}, so there is no body to run: put [StreamingRun] on a method with a body (for example on the override or on the implementing part)",
        "The wrapper calls the marked method as the run; abstract, extern and bodiless partial methods have no code of their own to run.");

    /// <summary>CG1011: the attribute is on a local function or a lambda.</summary>
    public static readonly DiagnosticDescriptor LocalFunctionOrLambda = Error(
        "CG1011",
        "[StreamingRun] goes on a method of a type",
        "[StreamingRun] is on {0}, which cannot get a generated wrapper: move the code into a method of a partial type and mark that method, or start it with RunResultStreaming.Start(...)",
        "Wrappers are members of the method's type; local functions and lambdas have none. RunResultStreaming.Start starts a run from a lambda without the generator.");

    /// <summary>CG1012: the generated member would collide with an existing one.</summary>
    public static readonly DiagnosticDescriptor NameCollision = Error(
        "CG1012",
        "The generated method's name is taken",
        "The method '{0}' generated for [StreamingRun] method '{1}' would collide with {2}: choose another name with [StreamingRun(MethodName = \"...\")] or rename the other member",
        "The wrapper is not generated when a member with the same name and parameters already exists (or another [StreamingRun] method would generate it), since that would not compile.");

    /// <summary>CG1013: an instance method of a struct.</summary>
    public static readonly DiagnosticDescriptor StructInstanceMethod = Error(
        "CG1013",
        "A [StreamingRun] method of a struct must be static",
        "[StreamingRun] method '{0}' is an instance method of struct '{1}': a run outlives the call and cannot capture a struct's 'this'; make the method static (pass the state it needs as parameters) or declare '{1}' as a class",
        "The run calls the method later, from a lambda; a lambda cannot capture 'this' of a struct, and a copy would silently lose the run's changes.");

    /// <summary>CG1014: MethodName is not a valid identifier.</summary>
    public static readonly DiagnosticDescriptor InvalidMethodName = Error(
        "CG1014",
        "StreamingRun.MethodName must be a valid C# identifier",
        "MethodName \"{0}\" of [StreamingRun] method '{1}' is not a valid C# method name: use an identifier such as \"{2}\" (letters, digits and '_', not starting with a digit, not a keyword)",
        "The generated method is named after MethodName; it must be a valid, non-keyword C# identifier.");

    /// <summary>CG1015: the containing type is of a kind that cannot get a generated part.</summary>
    public static readonly DiagnosticDescriptor UnsupportedContainingType = Error(
        "CG1015",
        "[StreamingRun] methods belong in a class, struct or record",
        "[StreamingRun] method '{0}' is declared in {1}, which cannot get a generated wrapper: move the method to a (partial) class, record or struct",
        "The wrapper is added as a part of the containing type; interfaces, file-local types and extension blocks cannot take such a part.");

    /// <summary>CG1016: the attribute is on something other than an ordinary method.</summary>
    public static readonly DiagnosticDescriptor NotOrdinaryMethod = Error(
        "CG1016",
        "[StreamingRun] goes on an ordinary method",
        "[StreamingRun] is on '{0}', {1}, which the generated wrapper cannot call by name: move the code into an ordinary named method and mark that one",
        "Explicit interface implementations, accessors, operators and constructors cannot be called as 'this.Name(...)' from the wrapper.");

    /// <summary>CG1017: a run option set on the attribute has a value a run cannot take.</summary>
    public static readonly DiagnosticDescriptor InvalidRunOption = Error(
        "CG1017",
        "[StreamingRun] run options must have valid values",
        "{0} = {1} on [StreamingRun] method '{2}' is not a valid run option: {3}",
        "EventHistory and BufferCapacity set on [StreamingRun] become the RunOptions of every run the generated method starts; a value the runtime would reject is reported here instead of failing at run time.");
}

namespace CancelGen.Generators.Models;

/// <summary>The two method shapes the generator accepts, and how the emitter form returns.</summary>
internal enum RunForm
{
    /// <summary><c>async IAsyncEnumerable&lt;TEvent&gt;</c>: the run yields its events.</summary>
    Iterator,

    /// <summary><c>Task</c>: the run emits its events and has no final output.</summary>
    EmitterTask,

    /// <summary><c>Task&lt;TOutput&gt;</c>: the run emits its events and returns a final output.</summary>
    EmitterTaskOfOutput,

    /// <summary><c>ValueTask</c>: adapted with <c>AsTask()</c>.</summary>
    EmitterValueTask,

    /// <summary><c>ValueTask&lt;TOutput&gt;</c>: adapted with <c>AsTask()</c>.</summary>
    EmitterValueTaskOfOutput,
}

/// <summary>What a parameter of the marked method is to the wrapper.</summary>
internal enum ParameterRole
{
    /// <summary>Kept in the wrapper's signature and passed through.</summary>
    Passed,

    /// <summary>The run's context: supplied by the runtime.</summary>
    Context,

    /// <summary>The run's token: supplied by the runtime.</summary>
    Token,
}

/// <summary>One containing type of the marked method, enough to re-declare it as a partial type.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>.</param>
/// <param name="Modifiers">Modifiers that every part must repeat (<c>readonly </c>, <c>ref </c>), with a trailing space, or empty.</param>
/// <param name="Name">The type's name, escaped where it is a keyword.</param>
/// <param name="TypeParameters">The type parameter list with variance (<c>&lt;T, U&gt;</c>), or empty.</param>
internal sealed record ContainingTypeModel(string Keyword, string Modifiers, string Name, string TypeParameters);

/// <summary>One parameter of the marked method.</summary>
/// <param name="Name">The parameter's name, escaped where it is a keyword.</param>
/// <param name="Type">The fully qualified type with its nullable annotation.</param>
/// <param name="Role">Whether the wrapper keeps it or supplies it.</param>
/// <param name="DefaultValue">The default value as C# source, or null.</param>
/// <param name="Attributes">Attributes carried to the wrapper (caller info, nullability), as C# source with a trailing space, or empty.</param>
/// <param name="IsParams">Whether it is a <c>params</c> parameter.</param>
/// <param name="IsThis">Whether it is the <c>this</c> parameter of an extension method.</param>
/// <param name="ParamsFallback">
/// For a <c>params</c> parameter of a reference type: the empty collection the main wrapper passes when its
/// (then optional) array argument is null (<c>global::System.Array.Empty&lt;T&gt;()</c> or <c>[]</c>); otherwise null.
/// </param>
internal sealed record ParameterModel(
    string Name,
    string Type,
    ParameterRole Role,
    string? DefaultValue,
    string Attributes,
    bool IsParams,
    bool IsThis,
    string? ParamsFallback);

/// <summary>
/// The run options set on <c>[StreamingRun]</c>: the <c>EventHistory</c> member name (<see langword="null"/>
/// for the default) and the buffer capacity (<c>0</c>: unbounded).
/// </summary>
internal sealed record RunOptionsModel(string? EventHistoryMember, int BufferCapacity)
{
    public static RunOptionsModel Default { get; } = new(null, 0);
}

/// <summary>
/// Everything the emitter needs to write one wrapper: no symbols, no syntax, only values. <c>TypeHintName</c> is the
/// hint name of the containing type's generated file (all the wrappers of a type go to one file): the same for every
/// method of the type on every run, different for different types.
/// </summary>
internal sealed record StreamingRunModel(
    string TypeHintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Accessibility,
    bool IsStatic,
    bool HidesInheritedMember,
    string WrapperName,
    string MarkedMethodName,
    string TypeParameterList,
    EquatableArray<string> ConstraintClauses,
    string CallTarget,
    RunForm Form,
    string EventType,
    string? OutputType,
    EquatableArray<ParameterModel> Parameters,
    string TokenParameterName,
    string ContextArgumentName,
    string TokenArgumentName,
    string RunName,
    RunOptionsModel RunOptions,
    EquatableArray<string> Documentation,
    EquatableArray<string> ParamsOverloadDocumentation,
    EquatableArray<string> MethodAttributes,
    bool NullableAnnotationsEnabled,
    bool LanguageHasNullable,
    string GeneratorVersion);

/// <summary>What parsing one <c>[StreamingRun]</c> target gives: a model to emit, or the reasons there is none.</summary>
internal sealed record ParseResult(StreamingRunModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static ParseResult Nothing { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);
}

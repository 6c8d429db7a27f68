namespace CancelGen.Generators.Models;

/// <summary>
/// The wrappers of one containing type, written to one generated file: the type's declaration chain (taken from its
/// wrappers, which all repeat it) and the wrappers in source order. Equal when every wrapper is equal, so a type
/// whose wrappers did not change keeps its file cached.
/// </summary>
/// <param name="HintName">The generated file's hint name, unique in the generator's output.</param>
/// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">The type and the types it is nested in, outermost first.</param>
/// <param name="LanguageHasNullable">Whether the file may use <c>#nullable</c> (C# 8 or later in every wrapper's file).</param>
/// <param name="Wrappers">The type's wrappers, in the order the driver found their methods.</param>
internal sealed record TypeWrappersModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    bool LanguageHasNullable,
    EquatableArray<StreamingRunModel> Wrappers);

using System.Collections.Immutable;
using System.Globalization;
using CancelGen.Generators.Models;

namespace CancelGen.Generators.Emitting;

/// <summary>
/// Groups the wrappers by containing type: one generated file per type, not one per marked method. The driver checks
/// every hint name a generator adds against all the ones it added before (a linear, case-insensitive scan per file),
/// so the number of files is what a generator pays for quadratically.
/// </summary>
internal static class WrapperFiles
{
    /// <summary>
    /// The files for <paramref name="wrappers"/>, one per containing type, in the order the driver found each type's
    /// first wrapper (source file order, then position in the file); the wrappers of a type keep that order too.
    /// </summary>
    /// <remarks>
    /// The driver compares the files with the previous run's by position. Types that keep their place keep their
    /// cached file; a type that appears or disappears shifts the files after it, which are then emitted again (same
    /// text). Source order puts a type in a new file at the end, where it shifts nothing.
    /// </remarks>
    public static ImmutableArray<TypeWrappersModel> Group(ImmutableArray<StreamingRunModel> wrappers, CancellationToken cancellationToken)
    {
        if (wrappers.IsEmpty)
        {
            return ImmutableArray<TypeWrappersModel>.Empty;
        }

        var order = new List<TypeKey>();
        var byType = new Dictionary<TypeKey, List<StreamingRunModel>>();
        foreach (var wrapper in wrappers)
        {
            var key = new TypeKey(wrapper.TypeHintName, wrapper.Namespace, wrapper.ContainingTypes);
            if (!byType.TryGetValue(key, out var list))
            {
                byType.Add(key, list = []);
                order.Add(key);
            }

            list.Add(wrapper);
        }

        cancellationToken.ThrowIfCancellationRequested();

        var files = ImmutableArray.CreateBuilder<TypeWrappersModel>(order.Count);
        Dictionary<string, int>? seen = null;
        foreach (var key in order)
        {
            // A hint name names one type, so two keys share it only when two declarations that differ claim the
            // same type (code that does not compile yet, such as 'partial class A' beside 'partial struct A'). The
            // later ones get a numbered name, which cannot be any type's name (those end with a 16-digit hash): a
            // duplicate would make the driver drop every file of the generator.
            var hintName = key.HintName;
            if (order.Count > 1)
            {
                seen ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                var count = seen.TryGetValue(hintName, out var before) ? before + 1 : 1;
                seen[hintName] = count;
                if (count > 1)
                {
                    hintName = hintName.Substring(0, hintName.Length - ".g.cs".Length) + "." + count.ToString(CultureInfo.InvariantCulture) + ".g.cs";
                }
            }

            var list = byType[key];
            files.Add(new TypeWrappersModel(
                hintName,
                key.Namespace,
                key.ContainingTypes,
                LanguageHasNullable: list.TrueForAll(static w => w.LanguageHasNullable),
                list.ToEquatableArray()));
        }

        return files.MoveToImmutable();
    }

    private readonly record struct TypeKey(string HintName, string? Namespace, EquatableArray<ContainingTypeModel> ContainingTypes);
}

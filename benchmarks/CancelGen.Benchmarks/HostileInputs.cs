using System.Text;

namespace CancelGen.Benchmarks;

/// <summary>
/// Programs at the sizes real code never reaches but generated or pasted code can: one <c>[StreamingRun]</c>
/// method of <c>n</c> statements, one nested <c>n</c> blocks deep, and a file of <c>n</c> marked methods. Each is
/// valid C# (with the CancelGen runtime and the generator's wrappers) and holds exactly one leak CG0001 reports,
/// so the analyzers and the code fix have work at the far end of the input. The benchmarks time them at
/// <c>n</c> and <c>2n</c>; the robustness tests (which link this file) run them at full size.
/// </summary>
internal static class HostileInputs
{
    /// <summary>The statement count of the huge method in the robustness tests.</summary>
    public const int HugeMethodStatements = 10_000;

    /// <summary>The nesting depth in the robustness tests.</summary>
    public const int DeepNestingLevels = 500;

    /// <summary>The marked-method count in the robustness tests.</summary>
    public const int ManyMethodsCount = 5_000;

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using CancelGen;

        namespace Hostile;

        """;

    /// <summary>A <c>[StreamingRun]</c> method of <paramref name="statements"/> statements, and a caller that leaks its run.</summary>
    public static string HugeMethod(int statements)
    {
        var source = new StringBuilder(Usings);
        source.Append("public partial class Huge\n{\n")
            .Append("    [StreamingRun]\n")
            .Append("    public async Task<int> LongAsync(RunContext<int> run, CancellationToken cancellationToken)\n    {\n")
            .Append("        var total = 0;\n");
        for (var i = 0; i < statements; i++)
        {
            source.Append(i % 4 == 3
                ? $"        await run.EmitAsync(total).ConfigureAwait(false);\n"
                : $"        total += {i % 7};\n");
        }

        source.Append("        return total;\n    }\n\n");
        AppendLeakyCaller(source, "LongStreamed(CancellationToken.None)", "int");
        source.Append("}\n");
        return source.ToString();
    }

    /// <summary>A <c>[StreamingRun]</c> method whose body nests <paramref name="levels"/> blocks, with a leaky loop over its run at the bottom.</summary>
    public static string DeepNesting(int levels)
    {
        var source = new StringBuilder(Usings);
        source.Append("public partial class Deep\n{\n")
            .Append("    [StreamingRun]\n")
            .Append("    public async Task DigAsync(RunContext<int> run, int depth, CancellationToken cancellationToken)\n    {\n");
        for (var i = 0; i < levels; i++)
        {
            source.Append(i % 2 == 0 ? $"        if (depth > {i})\n        {{\n" : $"        for (var i{i} = 0; i{i} < depth; i{i}++)\n        {{\n");
        }

        source.Append("        await run.EmitAsync(depth).ConfigureAwait(false);\n")
            .Append("        var inner = DigStreamed(depth - 1, cancellationToken);\n")
            .Append("        await foreach (var e in inner.StreamEvents(cancellationToken))\n        {\n            if (e > 3)\n            {\n                break;\n            }\n        }\n");
        for (var i = 0; i < levels; i++)
        {
            source.Append("        }\n");
        }

        source.Append("    }\n}\n");
        return source.ToString();
    }

    /// <summary>One class with <paramref name="count"/> marked methods of varied shapes, and a caller that leaks one run.</summary>
    public static string ManyMethods(int count)
    {
        var source = new StringBuilder(Usings);
        source.Append("public partial class Many\n{\n");
        for (var i = 0; i < count; i++)
        {
            source.Append((i % 3) switch
            {
                0 => $"    [StreamingRun]\n    public async Task<int> M{i}Async(int x, RunContext<int> run, CancellationToken cancellationToken)\n    {{\n        await run.EmitAsync(x).ConfigureAwait(false);\n        return x + {i};\n    }}\n\n",
                1 => $"    [StreamingRun]\n    public async IAsyncEnumerable<string> M{i}Async(string s)\n    {{\n        await Task.Yield();\n        yield return s;\n    }}\n\n",
                _ => $"    [StreamingRun]\n    internal static async Task M{i}Async(RunContext<string> run)\n    {{\n        await run.EmitAsync(\"{i}\").ConfigureAwait(false);\n    }}\n\n",
            });
        }

        AppendLeakyCaller(source, "M0Streamed(1)", "int");
        source.Append("}\n");
        return source.ToString();
    }

    private static void AppendLeakyCaller(StringBuilder source, string start, string eventType) =>
        source.Append("    public async Task<int> FirstAsync()\n    {\n")
            .Append($"        var run = {start};\n")
            .Append($"        await foreach ({eventType} e in run.StreamEvents())\n        {{\n            return 1;\n        }}\n\n")
            .Append("        return 0;\n    }\n");
}

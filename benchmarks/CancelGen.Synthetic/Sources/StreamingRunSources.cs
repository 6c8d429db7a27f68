using System.Globalization;
using System.Text;

namespace CancelGen.Synthetic.Sources;

/// <summary>
/// The CancelGen generator's project: each file holds one partial class of <see cref="SyntheticShape.PerFile"/>
/// <c>[StreamingRun]</c> methods, alternating the iterator form (<c>IAsyncEnumerable&lt;string&gt;</c> with a
/// <c>RunContext</c>) and the emitter form (<c>Task&lt;int&gt;</c> with a <c>RunContext&lt;string&gt;</c>). Every method
/// takes the same three user parameters as the <see cref="LoggerMessageSources"/> methods, so the two generators
/// see methods of the same size.
/// </summary>
public static class StreamingRunSources
{
    /// <summary>The files of a project of <paramref name="shape"/>.</summary>
    /// <param name="shape">How many files and how many marked methods per file.</param>
    /// <returns>One file per <see cref="SyntheticShape.Files"/>.</returns>
    public static IReadOnlyList<SyntheticFile> Build(SyntheticShape shape)
    {
        shape.Validate();
        var files = new List<SyntheticFile>(shape.Files);
        for (var file = 0; file < shape.Files; file++)
        {
            files.Add(new SyntheticFile($"Agents/Agent{file:D4}.cs", File(file, shape.PerFile)));
        }

        return files;
    }

    private static string File(int file, int methods)
    {
        var text = new StringBuilder();
        text.Append("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using CancelGen;

            namespace Synthetic.Agents;

            """);
        text.Append(CultureInfo.InvariantCulture, $"public sealed partial class Agent{file:D4}\n{{\n");
        for (var method = 0; method < methods; method++)
        {
            text.Append(method % 2 == 0 ? Iterator(method) : Emitter(method)).Append('\n');
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string Iterator(int method) => $$"""
            /// <summary>Step {{method}}: streams the step's name, one event per turn.</summary>
            [StreamingRun]
            public async IAsyncEnumerable<string> Step{{method}}Async(int step, string name, double elapsed, RunContext run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                yield return name + step + elapsed;
                await run.EndTurnAsync().ConfigureAwait(false);
            }

        """;

    private static string Emitter(int method) => $$"""
            /// <summary>Step {{method}}: emits the step's name and returns its number.</summary>
            [StreamingRun]
            public async Task<int> Step{{method}}Async(int step, string name, double elapsed, RunContext<string> run)
            {
                await run.EmitAsync(name + elapsed).ConfigureAwait(false);
                return step;
            }

        """;
}

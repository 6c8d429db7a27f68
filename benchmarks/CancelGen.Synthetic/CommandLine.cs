using System.Globalization;
using CancelGen.Synthetic.Measuring;
using CancelGen.Synthetic.Projects;
using CancelGen.Synthetic.Sources;

namespace CancelGen.Synthetic;

/// <summary>The tool's commands: <c>write</c> a synthetic project, or <c>measure</c> one with <c>-p:ReportAnalyzer=true</c>.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage:
          dotnet run -c Release --project benchmarks/CancelGen.Synthetic -- write   <generators|loops> [--files N] [--per-file M] [--out DIR]
          dotnet run -c Release --project benchmarks/CancelGen.Synthetic -- measure <generators|loops> [--files N] [--per-file M] [--repeat R]

          generators  N files of [StreamingRun] methods and N files of [LoggerMessage] methods, M per file (default 100 x 4)
          loops       N files of M await foreach loops each (default 100 x 100: 10,000 loops)
          write       writes the project (default folder: artifacts/synthetic/<kind>-<N>x<M>) and prints its path
          measure     writes it, builds it twice uncounted (restore and references; a warm-up compile), then R times (default 3) with
                      --no-incremental -p:ReportAnalyzer=true -v:d, and prints the median per-generator or
                      per-analyzer times and the ratio CancelGen / peer
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !Enum.TryParse<SyntheticProjectKind>(args[1], ignoreCase: true, out var kind))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = Options(args.AsSpan(2));
        var shape = new SyntheticShape(
            Number(options, "--files", 100),
            Number(options, "--per-file", kind == SyntheticProjectKind.Loops ? 100 : 4)).Validate();
        var root = RepositoryRoot.Find();
        var folder = options.TryGetValue("--out", out var output) ? output : ProjectWriter.DefaultFolder(root, kind, shape);

        switch (args[0])
        {
            case "write":
                Console.WriteLine(ProjectWriter.Write(root, kind, shape, folder));
                return 0;
            case "measure":
                var project = ProjectWriter.Write(root, kind, shape, folder);
                var report = await ReportAnalyzerRun.MeasureAsync(project, kind, shape, Number(options, "--repeat", 3)).ConfigureAwait(false);
                Console.WriteLine(report);
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static Dictionary<string, string> Options(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{string.Join(' ', args.ToArray())}'.{Environment.NewLine}{Usage}");
            }

            options[args[i]] = args[i + 1];
        }

        return options;
    }

    private static int Number(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
}

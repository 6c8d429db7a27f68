using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using CancelGen.Synthetic.Projects;
using CancelGen.Synthetic.Sources;

namespace CancelGen.Synthetic.Measuring;

/// <summary>
/// Builds a written synthetic project with <c>-p:ReportAnalyzer=true</c> and compares CancelGen's time with the
/// peer's in each build: the generators' (per marked method; both kinds have the same count) or the analyzers'
/// (CG0001–CG0004's four types against Meziantou's MA0079/MA0080 type). Two uncounted builds come first: one restores
/// and builds the referenced CancelGen projects, one compiles the project in full to warm the compiler server.
/// </summary>
internal static partial class ReportAnalyzerRun
{
    public static async Task<string> MeasureAsync(string project, SyntheticProjectKind kind, SyntheticShape shape, int repeat)
    {
        var folder = Path.GetDirectoryName(project)!;
        var name = Path.GetFileName(project);
        Console.Error.WriteLine($"// Warm-up build of {project} (restore, CancelGen projects, compiler server)...");
        await DotnetBuild.RunAsync(folder, "build", name, "-c", "Release").ConfigureAwait(false);

        // When the project was already up to date, that build compiled nothing: one uncounted full compile loads and
        // warms the generators and analyzers in the compiler server, so the first counted build does not pay for it.
        await DotnetBuild.RunAsync(folder, MeasuredBuild(name)).ConfigureAwait(false);

        var rows = new List<(double CancelGen, double Peer)>();
        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var run = 1; run <= repeat; run++)
        {
            var output = await DotnetBuild.RunAsync(folder, MeasuredBuild(name)).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(folder, $"reportanalyzer-{run}.log"), output).ConfigureAwait(false);
            var times = ReportAnalyzerTimes.Parse(output);
            var row = kind == SyntheticProjectKind.Generators
                ? (times.GeneratorSeconds(PeerPackages.StreamingRunGenerator), times.GeneratorSeconds(PeerPackages.LoggerMessageGenerator))
                : (times.AnalyzerSeconds(PeerPackages.CancelGenAnalyzerNamespace), times.AnalyzerSeconds(PeerPackages.MeziantouLoopAnalyzer));
            rows.Add(row);
            findings = Findings(output);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Build {run}: CancelGen {row.Item1:F3} s, peer {row.Item2:F3} s, ratio {row.Item1 / row.Item2:F2}"));
        }

        return Describe(kind, shape, rows, findings);
    }

    private static string[] MeasuredBuild(string project) =>
        ["build", project, "-c", "Release", "--no-restore", "--no-incremental", "-p:BuildProjectReferences=false", "-p:ReportAnalyzer=true", "-v:d"];

    private static string Describe(SyntheticProjectKind kind, SyntheticShape shape, List<(double CancelGen, double Peer)> rows, Dictionary<string, int> findings)
    {
        var ratios = rows.Select(static r => r.CancelGen / r.Peer).Order().ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        if (kind == SyntheticProjectKind.Generators)
        {
            var methods = shape.Total;
            text.Append(CultureInfo.InvariantCulture, $"Project: {shape.Files} files x {shape.PerFile} [StreamingRun] methods + {shape.Files} files x {shape.PerFile} [LoggerMessage] methods ({methods} each)\n");
            text.Append("| build | StreamingRunGenerator | LoggerMessageGenerator | per method (CancelGen / peer) | ratio |\n|---|---:|---:|---:|---:|\n");
            for (var i = 0; i < rows.Count; i++)
            {
                var (cancelGen, peer) = rows[i];
                text.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {cancelGen:F3} s | {peer:F3} s | {cancelGen * 1e6 / methods:F0} / {peer * 1e6 / methods:F0} µs | {cancelGen / peer:F2} |\n");
            }
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Project: {shape.Files} files x {shape.PerFile} await foreach loops ({shape.Total} loops)\n");
            text.Append("| build | CG0001–CG0004 (4 analyzer types) | MA0079/MA0080 (UseAnOverloadThatHasCancellationTokenAnalyzer) | ratio |\n|---|---:|---:|---:|\n");
            for (var i = 0; i < rows.Count; i++)
            {
                var (cancelGen, peer) = rows[i];
                text.Append(CultureInfo.InvariantCulture, $"| {i + 1} | {cancelGen:F3} s | {peer:F3} s | {cancelGen / peer:F2} |\n");
            }

            text.Append("Findings (last build): ").AppendJoin(", ", findings.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key} x{p.Value}")).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"Median ratio CancelGen / peer: {ratios[ratios.Count / 2]:F2} (min {ratios[0]:F2}, max {ratios[^1]:F2}; goal <= 1.0)\n");
        return text.ToString();
    }

    /// <summary>Distinct <c>file(line,col): warning ID</c> per ID (MSBuild prints each diagnostic twice, with and without the full path).</summary>
    private static Dictionary<string, int> Findings(string output) =>
        WarningLine().Matches(output)
            .Select(static m => (Id: m.Groups["id"].Value, Where: Path.GetFileName(m.Groups["where"].Value)))
            .Distinct()
            .GroupBy(static w => w.Id, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal);

    [GeneratedRegex(@"(?<where>[^\s]+\(\d+,\d+\)): warning (?<id>(CG|MA)\d{4})")]
    private static partial Regex WarningLine();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace CancelGen.Synthetic.Measuring;

/// <summary>
/// The per-type times the compiler prints with <c>/reportanalyzer</c> (<c>-p:ReportAnalyzer=true</c>, shown at
/// <c>-v:d</c>): one table after "Total analyzer execution time" and one after "Total generator execution time", each
/// with an assembly row followed by its types' rows. Times printed as <c>&lt;0.001</c> count as zero.
/// </summary>
public sealed partial class ReportAnalyzerTimes
{
    private ReportAnalyzerTimes(IReadOnlyDictionary<string, double> analyzers, IReadOnlyDictionary<string, double> generators)
    {
        Analyzers = analyzers;
        Generators = generators;
    }

    /// <summary>Seconds per analyzer type (full name, without its rule IDs).</summary>
    public IReadOnlyDictionary<string, double> Analyzers { get; }

    /// <summary>Seconds per generator type (full name).</summary>
    public IReadOnlyDictionary<string, double> Generators { get; }

    /// <summary>Reads the tables of the one compilation in <paramref name="buildOutput"/>.</summary>
    /// <param name="buildOutput">What <c>dotnet build -p:ReportAnalyzer=true -v:d</c> printed for one project.</param>
    /// <returns>The times found.</returns>
    /// <exception cref="InvalidOperationException">The output has no generator table, or more than one compilation's.</exception>
    public static ReportAnalyzerTimes Parse(string buildOutput)
    {
        var lines = buildOutput.Split('\n');
        var generatorTables = lines.Count(static line => line.Contains("Total generator execution time", StringComparison.Ordinal));
        if (generatorTables != 1)
        {
            throw new InvalidOperationException(
                $"Expected the ReportAnalyzer tables of exactly one compilation, found {generatorTables}: build with -p:ReportAnalyzer=true -v:d, --no-incremental and -p:BuildProjectReferences=false.");
        }

        var analyzers = new Dictionary<string, double>(StringComparer.Ordinal);
        var generators = new Dictionary<string, double>(StringComparer.Ordinal);
        Dictionary<string, double>? table = null;
        foreach (var line in lines)
        {
            if (line.Contains("Total analyzer execution time", StringComparison.Ordinal))
            {
                table = analyzers;
                continue;
            }

            if (line.Contains("Total generator execution time", StringComparison.Ordinal))
            {
                table = generators;
                continue;
            }

            if (table is null)
            {
                continue;
            }

            if (line.Contains("Done executing task", StringComparison.Ordinal))
            {
                table = null;
                continue;
            }

            var row = TypeRow().Match(line);
            if (row.Success && !row.Groups["name"].Value.Contains(", Version=", StringComparison.Ordinal))
            {
                var seconds = row.Groups["time"].Value.StartsWith('<') ? 0 : double.Parse(row.Groups["time"].Value, CultureInfo.InvariantCulture);
                var name = row.Groups["name"].Value.Trim();
                var ids = name.IndexOf(" (", StringComparison.Ordinal);
                table[ids > 0 ? name[..ids] : name] = seconds;
            }
        }

        return new ReportAnalyzerTimes(analyzers, generators);
    }

    /// <summary>The summed seconds of the analyzer types whose names start with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">A namespace prefix or a full type name.</param>
    /// <returns>Zero when none ran.</returns>
    public double AnalyzerSeconds(string prefix) => Analyzers.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(static p => p.Value);

    /// <summary>The seconds of the generator type <paramref name="name"/>.</summary>
    /// <param name="name">A generator's full type name.</param>
    /// <returns>The time.</returns>
    /// <exception cref="InvalidOperationException">The generator did not run in this build.</exception>
    public double GeneratorSeconds(string name) =>
        Generators.TryGetValue(name, out var seconds) ? seconds : throw new InvalidOperationException($"The generator '{name}' is not in the ReportAnalyzer table: it did not run.");

    // "   0.365   12      CancelGen.Generators.StreamingRunGenerator" / "  <0.001   <1      X (ID1, ID2)"
    [GeneratedRegex(@"^\s*(?<time><?\d+(\.\d+)?)\s+<?\d+\s{2,}(?<name>\S.*?)\s*$")]
    private static partial Regex TypeRow();
}

using System.Globalization;
using System.Text;

namespace CancelGen.Synthetic.Projects;

/// <summary>
/// The global analyzer config of the loop project: CG0001–CG0004 and MA0079/MA0080 as warnings, every other
/// Meziantou rule (including MA0032/MA0040, which share MA0079's analyzer type) off, so the build runs only the
/// rules being compared.
/// </summary>
public static class AnalyzerRuleConfig
{
    /// <summary>The highest Meziantou rule number switched off (the package's IDs are below it).</summary>
    public const int LastMeziantouRule = 300;

    /// <summary>The IDs measured on the CancelGen side.</summary>
    public static readonly IReadOnlyList<string> CancelGenRules = ["CG0001", "CG0002", "CG0003", "CG0004"];

    /// <summary>The IDs measured on the Meziantou side.</summary>
    public static readonly IReadOnlyList<string> MeziantouRules = ["MA0079", "MA0080"];

    /// <summary>The text of the <c>.globalconfig</c>.</summary>
    /// <returns>A global config that sets every rule's severity.</returns>
    public static string GlobalConfig()
    {
        var text = new StringBuilder("is_global = true\n\n");
        foreach (var id in CancelGenRules.Concat(MeziantouRules))
        {
            text.Append(CultureInfo.InvariantCulture, $"dotnet_diagnostic.{id}.severity = warning\n");
        }

        for (var rule = 1; rule <= LastMeziantouRule; rule++)
        {
            var id = $"MA{rule:D4}";
            if (!MeziantouRules.Contains(id, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"dotnet_diagnostic.{id}.severity = none\n");
            }
        }

        return text.ToString();
    }
}

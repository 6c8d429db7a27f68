using System.Text.Json.Serialization;

namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>
/// The <c>csharp</c> settings section csharp-ls asks the client for with <c>workspace/configuration</c>.
/// </summary>
/// <param name="AnalyzersEnabled">
/// <c>csharp.analyzersEnabled</c>: run the analyzers of the project's packages (CancelGen's among them) as part of
/// the diagnostics. csharp-ls leaves them off unless the client turns them on.
/// </param>
public sealed record CSharpSettings([property: JsonPropertyName("analyzersEnabled")] bool AnalyzersEnabled)
{
    /// <summary>The name of the section.</summary>
    public const string SectionName = "csharp";

    /// <summary>
    /// The answer for one asked-for section: the whole section for <c>csharp</c>, one setting for
    /// <c>csharp.analyzersEnabled</c>, and null (not set) for anything else.
    /// </summary>
    /// <param name="section">The section's name as the server asked for it.</param>
    public object? Section(string? section) => section switch
    {
        SectionName => this,
        SectionName + ".analyzersEnabled" => AnalyzersEnabled,
        _ => null,
    };
}

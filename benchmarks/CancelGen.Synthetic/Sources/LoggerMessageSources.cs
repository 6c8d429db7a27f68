using System.Globalization;
using System.Text;

namespace CancelGen.Synthetic.Sources;

/// <summary>
/// The peer's project: each file holds one static partial class of <see cref="SyntheticShape.PerFile"/>
/// <c>[LoggerMessage]</c> methods (the Microsoft.Extensions.Logging generator), each taking an <c>ILogger</c> and the
/// same three user parameters as the <see cref="StreamingRunSources"/> methods, all three in the message template.
/// </summary>
public static class LoggerMessageSources
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
            files.Add(new SyntheticFile($"Logging/Log{file:D4}.cs", File(file, shape.PerFile)));
        }

        return files;
    }

    private static string File(int file, int methods)
    {
        var text = new StringBuilder();
        text.Append("""
            using Microsoft.Extensions.Logging;

            namespace Synthetic.Logging;

            """);
        text.Append(CultureInfo.InvariantCulture, $"internal static partial class Log{file:D4}\n{{\n");
        for (var method = 0; method < methods; method++)
        {
            var level = method % 2 == 0 ? "Information" : "Debug";
            text.Append(CultureInfo.InvariantCulture, $$"""
                    /// <summary>Step {{method}}: logs the step's name, number and time.</summary>
                    [LoggerMessage(EventId = {{method}}, Level = LogLevel.{{level}}, Message = "Step {Step} of {Name} took {Elapsed} ms")]
                    public static partial void Step{{method}}(ILogger logger, int step, string name, double elapsed);


                """);
        }

        text.Append("}\n");
        return text.ToString();
    }
}

using System.Runtime.CompilerServices;

namespace CancelGen.Generators.Tests.Support;

/// <summary>
/// Compares generated text with a checked-in file under <c>Baselines/</c>. With the environment variable
/// <c>CANCELGEN_UPDATE_BASELINES=1</c> it writes the file instead (see README.md).
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "CANCELGEN_UPDATE_BASELINES";

    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindTestProjectDirectory(callerPath), "Baselines");
        var path = Path.Combine(directory, name + ".cs");
        var normalized = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"No baseline '{path}'. Run with {UpdateVariable}=1 to create it, then review and commit it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != normalized)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = normalized.Split('\n');
            var line = 0;
            while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            Assert.Fail(
                $"Generated text differs from baseline '{name}.cs' at line {line + 1}:\n" +
                $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n" +
                $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}\n" +
                $"If the change is intended, run with {UpdateVariable}=1 and review the diff.\n\nActual:\n{normalized}");
        }
    }

    private static string FindTestProjectDirectory(string callerPath)
    {
        // The calling test file lives somewhere under the test project's folder.
        for (var directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "CancelGen.Generators.Tests.csproj")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"Cannot find the test project above '{callerPath}'.");
    }
}

namespace CancelGen.Generators;

/// <summary>The name and version written into <c>[GeneratedCode]</c>.</summary>
internal static class GeneratorInfo
{
    public const string Name = "CancelGen";

    public static string Version { get; } = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}

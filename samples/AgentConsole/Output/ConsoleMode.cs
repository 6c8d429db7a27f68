namespace AgentConsole.Output;

/// <summary>Whether the sample talks to a person at a terminal or writes a log.</summary>
internal static class ConsoleMode
{
    /// <summary>
    /// <see langword="true"/> for a person at a terminal: output and input not redirected, not in CI,
    /// and no <c>--fast</c>. Otherwise the sample runs its scripted demos.
    /// </summary>
    public static bool IsInteractive(IReadOnlyCollection<string> args) =>
        !args.Contains("--fast")
        && !Console.IsOutputRedirected
        && !Console.IsInputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}

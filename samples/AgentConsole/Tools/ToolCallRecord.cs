namespace AgentConsole.Tools;

/// <summary>One call of a tool: which tool, with what, and how it ended (set by the tool, read by the demos).</summary>
/// <param name="tool">The function name.</param>
/// <param name="argument">The arguments, as text.</param>
internal sealed class ToolCallRecord(string tool, string argument)
{
    private volatile ToolCallOutcome _outcome;

    /// <summary>The function name.</summary>
    public string Tool { get; } = tool;

    /// <summary>The arguments, as text.</summary>
    public string Argument { get; } = argument;

    /// <summary>How the call ended (or <see cref="ToolCallOutcome.Running"/>).</summary>
    public ToolCallOutcome Outcome
    {
        get => _outcome;
        set => _outcome = value;
    }
}

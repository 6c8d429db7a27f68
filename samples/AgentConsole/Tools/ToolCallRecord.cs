namespace AgentConsole.Tools;

/// <summary>How a tool call ended, as the tool itself saw it.</summary>
internal enum ToolCallOutcome
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Returned its result.</summary>
    Completed,

    /// <summary>Stopped because its token was cancelled.</summary>
    Cancelled,
}

/// <summary>One call of a tool: which tool, with what, and how it ended.</summary>
/// <param name="Tool">The function name.</param>
/// <param name="Argument">The arguments, as text.</param>
internal sealed record ToolCallRecord(string Tool, string Argument)
{
    private volatile ToolCallOutcome _outcome;

    /// <summary>How the call ended (or <see cref="ToolCallOutcome.Running"/>).</summary>
    public ToolCallOutcome Outcome
    {
        get => _outcome;
        set => _outcome = value;
    }
}

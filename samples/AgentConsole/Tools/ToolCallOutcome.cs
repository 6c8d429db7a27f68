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

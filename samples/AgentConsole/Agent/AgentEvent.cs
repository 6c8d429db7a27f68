namespace AgentConsole.Agent;

/// <summary>What the agent streams while it runs.</summary>
public abstract record AgentEvent(int Turn);

/// <summary>A piece of the model's answer text.</summary>
public sealed record TextDelta(int Turn, string Text) : AgentEvent(Turn);

/// <summary>The model asked for a tool; the call runs as a task tracked by the run.</summary>
public sealed record ToolCallStarted(int Turn, string Tool, string Arguments) : AgentEvent(Turn);

/// <summary>A tool call returned.</summary>
public sealed record ToolCallCompleted(int Turn, string Tool, string Result) : AgentEvent(Turn);

/// <summary>A model turn (one response plus its tool calls) ended.</summary>
public sealed record TurnEnded(int Turn) : AgentEvent(Turn);

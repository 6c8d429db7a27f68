namespace AgentConsole.Agent;

/// <summary>What the trip planner streams: app-level events made from the agent's updates.</summary>
/// <param name="Turn">The planner's turn (one question per turn).</param>
internal abstract record TripEvent(int Turn);

/// <summary>The planner put a question to the agent.</summary>
internal sealed record QuestionAsked(int Turn, string Question) : TripEvent(Turn);

/// <summary>A piece of the agent's answer text.</summary>
internal sealed record AnswerDelta(int Turn, string Text) : TripEvent(Turn);

/// <summary>The agent called a tool.</summary>
internal sealed record ToolRequested(int Turn, string Call) : TripEvent(Turn);

/// <summary>A tool call returned (or was cancelled: the result says so).</summary>
internal sealed record ToolAnswered(int Turn, string Tool, string Result) : TripEvent(Turn);

/// <summary>The agent finished answering a question.</summary>
internal sealed record QuestionAnswered(int Turn, string Answer) : TripEvent(Turn);

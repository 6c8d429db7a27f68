using System.Diagnostics.CodeAnalysis;
using CancelGen.Internal;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace CancelGen;

/// <summary>Starts CancelGen runs over an Agent Framework <see cref="AIAgent"/>, and keeps what a cancelled one produced in its session.</summary>
public static class AIAgentStreamingRunExtensions
{
    /// <summary>
    /// Starts a run that streams the agent's response: each <see cref="AgentResponseUpdate"/> is an event, and
    /// <see cref="RunResultStreaming{TEvent, TOutput}.FinalOutput"/> is the response the updates make.
    /// </summary>
    /// <remarks>
    /// For a <see cref="ChatClientAgent"/> over a client built with <c>UseFunctionInvocation().UseStreamingRuns()</c>
    /// (or with <c>UseStreamingRuns()</c> alone: the agent adds the function invocation outside it), a turn is one model
    /// call plus the function calls it asked for, and every function call is a tracked task named after the function,
    /// cancellable alone with <see cref="RunResultStreaming{TEvent}.CancelTask(long)"/> (the model is told the call was
    /// cancelled and the run goes on). Without <c>UseStreamingRuns()</c> the whole response is one turn and function
    /// calls are not tracked. After a cancel, <see cref="KeepCancelledTurnAsync"/> puts what the run produced into the session.
    /// </remarks>
    /// <param name="agent">The agent.</param>
    /// <param name="messages">The new messages for the agent.</param>
    /// <param name="session">The conversation session, or <see langword="null"/> for a new one.</param>
    /// <param name="options">The agent run options, or <see langword="null"/>.</param>
    /// <param name="runOptions">The run's buffer, name and history options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run like <see cref="RunResultStreaming{TEvent}.Cancel(CancelMode)"/>.</param>
    /// <returns>The run's handle. Dispose it (<c>await using</c>) to stop the run when you are done with it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> or <paramref name="messages"/> is <see langword="null"/>.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The fixed public API (integrations.md) gives both overloads optional parameters; they differ in the type of the required message parameter, so no call is ambiguous.")]
    public static RunResultStreaming<AgentResponseUpdate, AgentResponse> StartStreamingRun(
        this AIAgent agent,
        IEnumerable<ChatMessage> messages,
        AgentSession? session = null,
        AgentRunOptions? options = null,
        RunOptions? runOptions = null,
        CancellationToken cancellationToken = default) =>
        AgentRun.Start(agent, messages, session, options, runOptions, cancellationToken);

    /// <summary>Starts a run over the agent with one user message; see <see cref="StartStreamingRun(AIAgent, IEnumerable{ChatMessage}, AgentSession?, AgentRunOptions?, RunOptions?, CancellationToken)"/>.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="message">The user's message.</param>
    /// <param name="session">The conversation session, or <see langword="null"/> for a new one.</param>
    /// <param name="options">The agent run options, or <see langword="null"/>.</param>
    /// <param name="runOptions">The run's buffer, name and history options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run like <see cref="RunResultStreaming{TEvent}.Cancel(CancelMode)"/>.</param>
    /// <returns>The run's handle. Dispose it (<c>await using</c>) to stop the run when you are done with it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The fixed public API (integrations.md) gives both overloads optional parameters; they differ in the type of the required message parameter, so no call is ambiguous.")]
    public static RunResultStreaming<AgentResponseUpdate, AgentResponse> StartStreamingRun(
        this AIAgent agent,
        string message,
        AgentSession? session = null,
        AgentRunOptions? options = null,
        RunOptions? runOptions = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(message, nameof(message));
        return AgentRun.Start(agent, [new ChatMessage(ChatRole.User, message)], session, options, runOptions, cancellationToken);
    }

    /// <summary>
    /// Waits for the run to end and, when it was cancelled (immediately or after a turn), keeps its turn: the user's
    /// messages and what the agent produced until the cancel are added to the session the run was given (through the
    /// agent's <see cref="ChatHistoryProvider"/>, as a completed run would be), so the next call on that session sees
    /// them. Asking again returns the same result without adding twice. A run that completed or faulted keeps nothing.
    /// </summary>
    /// <param name="run">A run started by <c>StartStreamingRun</c> on an <see cref="AIAgent"/>.</param>
    /// <returns>
    /// The kept turn. <see cref="KeptTurn.IsStoredInSession"/> is <see langword="false"/> when the run had no session, the
    /// agent has no chat history provider, or the service keeps the conversation (a conversation id is set).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="run"/> was not started by <c>StartStreamingRun</c> on an <see cref="AIAgent"/>.</exception>
    public static Task<KeptTurn> KeepCancelledTurnAsync(this RunResultStreaming<AgentResponseUpdate, AgentResponse> run)
    {
        Guard.NotNull(run, nameof(run));
        return RunRecord<AgentResponseUpdate>.Of(run).KeepAsync(run);
    }
}

using CancelGen.Internal;
using Microsoft.Extensions.AI;

namespace CancelGen;

/// <summary>Starts CancelGen runs over a Microsoft.Extensions.AI <see cref="IChatClient"/>, and keeps what a cancelled one produced.</summary>
public static class ChatClientStreamingRunExtensions
{
    /// <summary>
    /// Starts a run that streams the client's response: each <see cref="ChatResponseUpdate"/> is an event, and
    /// <see cref="RunResultStreaming{TEvent, TOutput}.FinalOutput"/> is the response the updates make
    /// (<see cref="ChatResponseExtensions.ToChatResponse(IEnumerable{ChatResponseUpdate})"/>).
    /// </summary>
    /// <remarks>
    /// With <see cref="StreamingRunsChatClientBuilderExtensions.UseStreamingRuns(ChatClientBuilder)"/> in the client's
    /// pipeline, a turn is one model call plus the function calls it asked for (<see cref="RunResultStreaming{TEvent}.CurrentTurn"/>
    /// counts them, <see cref="CancelMode.AfterTurn"/> starts no further model call), and every function call is a
    /// tracked task named after the function: <see cref="RunResultStreaming{TEvent}.CancelTask(long)"/> cancels that call
    /// alone, the model receives a result saying it was cancelled, and the run goes on. A function that throws is
    /// reported to the model as the <see cref="FunctionInvokingChatClient"/> does without a run.
    /// Without <c>UseStreamingRuns()</c> the whole response is one turn and function calls are not tracked; events,
    /// cancel, pause and <c>FinalOutput</c> work the same.
    /// </remarks>
    /// <param name="client">The chat client (typically built with <c>UseFunctionInvocation().UseStreamingRuns()</c>).</param>
    /// <param name="messages">The conversation to send.</param>
    /// <param name="options">The chat options, or <see langword="null"/>.</param>
    /// <param name="runOptions">The run's buffer, name and history options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run like <see cref="RunResultStreaming{TEvent}.Cancel(CancelMode)"/>.</param>
    /// <returns>The run's handle. Dispose it (<c>await using</c>) to stop the run when you are done with it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="messages"/> is <see langword="null"/>.</exception>
    public static RunResultStreaming<ChatResponseUpdate, ChatResponse> StartStreamingRun(
        this IChatClient client,
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        RunOptions? runOptions = null,
        CancellationToken cancellationToken = default) =>
        ChatClientRun.Start(client, messages, options, runOptions, cancellationToken);

    /// <summary>
    /// Waits for the run to end and, when it was cancelled (immediately or after a turn), returns its turn: the messages
    /// it was given and what the model and its functions produced until the cancel (<see cref="KeptTurn.ResponseMessages"/>,
    /// to append to your conversation). A run that completed or faulted keeps nothing.
    /// </summary>
    /// <param name="run">A run started by <see cref="StartStreamingRun(IChatClient, IEnumerable{ChatMessage}, ChatOptions?, RunOptions?, CancellationToken)"/>.</param>
    /// <returns>The kept turn; <see cref="KeptTurn.IsKept"/> is <see langword="false"/> when the run was not cancelled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="run"/> was not started by <c>StartStreamingRun</c> on an <see cref="IChatClient"/>.</exception>
    public static Task<KeptTurn> KeepCancelledTurnAsync(this RunResultStreaming<ChatResponseUpdate, ChatResponse> run)
    {
        Guard.NotNull(run, nameof(run));
        return RunRecord<ChatResponseUpdate>.Of(run).KeepAsync(run);
    }
}

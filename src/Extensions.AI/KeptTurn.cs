using Microsoft.Extensions.AI;

namespace CancelGen;

/// <summary>
/// What a cancelled chat-client or agent run leaves to continue the conversation: the messages it was given and what
/// the model and its functions produced until the cancel. Returned by <c>KeepCancelledTurnAsync</c>.
/// </summary>
/// <remarks>
/// A function call the model asked for that had no result when the run stopped is completed with a result saying it
/// was cancelled, so the kept messages are valid input for the next model call. A run that completed or faulted keeps
/// nothing (<see cref="IsKept"/> is <see langword="false"/> and the lists are empty).
/// </remarks>
public sealed class KeptTurn
{
    internal KeptTurn(IReadOnlyList<ChatMessage> requestMessages, IReadOnlyList<ChatMessage> responseMessages, bool isStoredInSession)
    {
        RequestMessages = requestMessages;
        ResponseMessages = responseMessages;
        IsStoredInSession = isStoredInSession;
        IsKept = true;
        Messages = [.. requestMessages, .. responseMessages];
    }

    private KeptTurn()
    {
        RequestMessages = [];
        ResponseMessages = [];
        Messages = [];
    }

    /// <summary>Whether the run was cancelled and its turn is kept here.</summary>
    public bool IsKept { get; }

    /// <summary>
    /// Whether the kept messages were added to the agent session's chat history, so the next call on that session sees
    /// them (an agent run given a session whose agent keeps history in a <c>ChatHistoryProvider</c>). Always
    /// <see langword="false"/> for a chat-client run.
    /// </summary>
    public bool IsStoredInSession { get; }

    /// <summary>The messages the run was started with (for a chat-client run, the whole conversation it was given).</summary>
    public IReadOnlyList<ChatMessage> RequestMessages { get; }

    /// <summary>
    /// What the run produced before it was cancelled: the assistant's text so far, the function calls the model asked
    /// for and their results (a call without a result gets one saying it was cancelled). For a chat-client run, append
    /// these to your conversation to continue it.
    /// </summary>
    public IReadOnlyList<ChatMessage> ResponseMessages { get; }

    /// <summary><see cref="RequestMessages"/> followed by <see cref="ResponseMessages"/>: the cancelled turn as a whole.</summary>
    public IReadOnlyList<ChatMessage> Messages { get; }

    internal static KeptTurn Nothing { get; } = new();
}

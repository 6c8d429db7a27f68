namespace CancelGen.Extensions.AI.Tests.Support;

/// <summary>What the scripted model received in one call.</summary>
public sealed record ModelCall(string Conversation, IReadOnlyList<ChatMessage> Messages, CancellationToken Token)
{
    /// <summary>The function results the model was sent, by call id.</summary>
    public IReadOnlyDictionary<string, string?> FunctionResults =>
        Messages.SelectMany(message => message.Contents)
            .OfType<FunctionResultContent>()
            .ToDictionary(result => result.CallId, result => result.Result?.ToString());
}

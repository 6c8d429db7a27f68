using Microsoft.Extensions.AI;

namespace AgentConsole.Output;

/// <summary>How tool calls and results read in the sample's output.</summary>
internal static class ContentText
{
    /// <summary><c>get_forecast(city: Oslo, day: tomorrow)</c>.</summary>
    public static string Call(FunctionCallContent call) =>
        $"{call.Name}({Arguments(call)})";

    /// <summary><c>city: Oslo, day: tomorrow</c>.</summary>
    public static string Arguments(FunctionCallContent call) =>
        string.Join(", ", (call.Arguments ?? new Dictionary<string, object?>()).Select(a => $"{a.Key}: {a.Value}"));

    /// <summary>The result as text: the value, or the failure's message.</summary>
    public static string Result(FunctionResultContent result) => result.Exception is { } failure
        ? $"failed: {failure.Message}"
        : result.Result?.ToString()?.Trim('"') ?? "(nothing)";

    /// <summary>One line for a kept message: its role and what it holds.</summary>
    public static string Message(ChatMessage message) => $"{message.Role}: {Body(message)}";

    /// <summary>What a message holds: its text in quotes, its tool calls, its tool results.</summary>
    public static string Body(ChatMessage message) => string.Join(" ", message.Contents.Select(content => content switch
    {
        TextContent text => $"\"{text.Text}\"",
        FunctionCallContent call => $"calls {Call(call)}",
        FunctionResultContent result => $"result {Result(result)}",
        _ => content.GetType().Name,
    }));
}

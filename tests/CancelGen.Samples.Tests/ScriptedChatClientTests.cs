using AgentConsole.Model;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace CancelGen.Samples.Tests;

/// <summary>The sample's offline model: which response it gives, what it reads, and how it honours its token.</summary>
public class ScriptedChatClientTests
{
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task First_response_streams_its_text_word_by_word_then_asks_for_both_weather_calls()
    {
        var model = new ScriptedChatClient(WeatherScript.Responses, TimeSpan.Zero, TimeProvider.System);

        var updates = await model.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, WeatherScript.Question)]).ToListAsync();

        Assert.True(updates.Count(u => u.Text.Length > 0) > 1);
        var response = updates.ToChatResponse();
        Assert.Equal("Let me check the weather in both cities at once.", response.Text);
        Assert.Equal(
            [WeatherScript.ParisCall, WeatherScript.OsloCall],
            response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId));
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public async Task After_a_round_of_tool_results_the_model_reads_them_into_its_next_response()
    {
        var model = new ScriptedChatClient(WeatherScript.Responses, TimeSpan.Zero, TimeProvider.System);
        ChatMessage[] conversation =
        [
            new(ChatRole.User, WeatherScript.Question),
            new(ChatRole.Assistant, [new FunctionCallContent(WeatherScript.ParisCall, "get_weather"), new FunctionCallContent(WeatherScript.OsloCall, "get_weather")]),
            new(ChatRole.Tool, [new FunctionResultContent(WeatherScript.ParisCall, "18°C, sunny"), new FunctionResultContent(WeatherScript.OsloCall, "cancelled")]),
        ];

        var response = await model.GetResponseAsync(conversation);

        Assert.StartsWith(" Paris: 18°C, sunny. Oslo: cancelled.", response.Text, StringComparison.Ordinal);
        Assert.Equal("get_forecast", Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()).Name);
    }

    [Fact]
    public async Task A_new_user_message_starts_the_script_again()
    {
        var model = new ScriptedChatClient(WeatherScript.Responses, TimeSpan.Zero, TimeProvider.System);
        ChatMessage[] conversation =
        [
            new(ChatRole.User, WeatherScript.Question),
            new(ChatRole.Assistant, [new FunctionCallContent(WeatherScript.ParisCall, "get_weather")]),
            new(ChatRole.Tool, [new FunctionResultContent(WeatherScript.ParisCall, "18°C, sunny")]),
            new(ChatRole.Assistant, "Paris is dry."),
            new(ChatRole.User, "And next weekend?"),
        ];

        var response = await model.GetResponseAsync(conversation);

        Assert.Equal("Let me check the weather in both cities at once.", response.Text);
    }

    [Fact]
    public async Task A_conversation_past_the_end_of_the_script_is_refused_with_an_exception_that_says_so()
    {
        var model = new ScriptedChatClient(WeatherScript.Responses, TimeSpan.Zero, TimeProvider.System);
        var round = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("x", "y")]);
        ChatMessage[] conversation = [new(ChatRole.User, "q"), new(ChatRole.Assistant, "a"), round, new(ChatRole.Assistant, "b"), round, new(ChatRole.Assistant, "c"), round];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => model.GetResponseAsync(conversation));

        Assert.Contains("3 responses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_stream_during_a_chunk_delay()
    {
        var time = new FakeTimeProvider();
        var model = new ScriptedChatClient(WeatherScript.Responses, Chunk, time);
        using var cts = new CancellationTokenSource();
        await using var stream = model.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "q")], cancellationToken: cts.Token).GetAsyncEnumerator();

        var first = stream.MoveNextAsync().AsTask();
        time.Advance(Chunk);
        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(10)));
        var second = stream.MoveNextAsync().AsTask();
        Assert.False(second.IsCompleted); // waiting for the next chunk on the fake clock
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}

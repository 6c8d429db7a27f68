namespace CancelGen.Extensions.AI.Tests;

public class ChatClientKeptTurnTests
{
    [Fact]
    public async Task Kept_messages_of_a_cancelled_chat_run_hold_the_partial_text_and_complete_the_unanswered_call()
    {
        var inTool = new Gate();
        var model = new ScriptedChatClient().Script("Weather in Paris?",
            [ModelStep.Chunk("Checking "), ModelStep.Chunk("Paris. "), ModelStep.Call("get_weather", "call-1")],
            [ModelStep.Chunk("You asked about Paris; the lookup was cancelled.")]);
        var client = Pipelines.WithStreamingRuns(model);
        var tools = Pipelines.Tools(Tools.Gated("get_weather", inTool, "sunny"));
        List<ChatMessage> history = [new ChatMessage(ChatRole.User, "Weather in Paris?")];

        await using var run = client.StartStreamingRun(history, tools);
        await inTool.Reached;
        run.Cancel();
        var kept = await run.KeepCancelledTurnAsync().Within();

        Assert.True(kept.IsKept);
        Assert.False(kept.IsStoredInSession);
        Assert.Equal(history, kept.RequestMessages);
        Assert.Equal(2, kept.ResponseMessages.Count);
        var assistant = kept.ResponseMessages[0];
        Assert.Equal(ChatRole.Assistant, assistant.Role);
        Assert.Equal("Checking Paris. ", assistant.Text);
        Assert.Equal("call-1", assistant.Contents.OfType<FunctionCallContent>().Single().CallId);
        var toolResult = kept.ResponseMessages[1].Contents.OfType<FunctionResultContent>().Single();
        Assert.Equal(ChatRole.Tool, kept.ResponseMessages[1].Role);
        Assert.Equal("call-1", toolResult.CallId);
        Assert.Equal("The call to get_weather was cancelled before it finished.", toolResult.Result);
        Assert.Equal([.. history, .. kept.ResponseMessages], kept.Messages);

        // The kept messages continue the conversation: the next model call gets the call and its result.
        history.AddRange(kept.ResponseMessages);
        history.Add(new ChatMessage(ChatRole.User, "Never mind."));
        await using var next = client.StartStreamingRun(history, tools);
        await next.Completion.Within();
        Assert.Equal(RunStatus.Completed, next.Status);
        var sent = model.Calls[1];
        Assert.Equal(["Weather in Paris?", "Checking Paris. ", "", "Never mind."], sent.Messages.Select(message => message.Text));
        Assert.Equal("The call to get_weather was cancelled before it finished.", sent.FunctionResults["call-1"]);
    }

    [Fact]
    public async Task After_turn_cancel_keeps_the_whole_turn_with_its_function_results()
    {
        var inTool = new Gate();
        var model = WeatherScenario.Model("Checking. ");

        await using var run = WeatherScenario.StartGated(Pipelines.WithStreamingRuns(model), inTool);
        await inTool.Reached;
        run.Cancel(CancelMode.AfterTurn);
        inTool.Release();
        var kept = await run.KeepCancelledTurnAsync().Within();

        Assert.True(kept.IsKept);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal("sunny", kept.ResponseMessages.SelectMany(message => message.Contents).OfType<FunctionResultContent>().Single().Result?.ToString());
        Assert.Equal(["Checking. ", ""], kept.ResponseMessages.Select(message => message.Text));
    }

    [Fact]
    public async Task A_completed_run_keeps_nothing()
    {
        var model = new ScriptedChatClient().Script("Hello", [ModelStep.Chunk("Hi.")]);
        var client = Pipelines.WithStreamingRuns(model);

        await using var run = client.StartStreamingRun([new ChatMessage(ChatRole.User, "Hello")]);
        var kept = await run.KeepCancelledTurnAsync().Within();

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.False(kept.IsKept);
        Assert.Empty(kept.Messages);
        Assert.Empty(kept.RequestMessages);
        Assert.Empty(kept.ResponseMessages);
    }

    [Fact]
    public async Task KeepCancelledTurnAsync_on_a_run_not_started_by_the_adapter_throws_naming_StartStreamingRun()
    {
        await using var run = RunResultStreaming.Start<ChatResponseUpdate, ChatResponse>(
            (_, _) => Task.FromResult(new ChatResponse()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run.KeepCancelledTurnAsync());
        Assert.Contains("StartStreamingRun", error.Message);
        Assert.Equal("run", Assert.Throws<ArgumentNullException>(() => { _ = ((RunResultStreaming<ChatResponseUpdate, ChatResponse>)null!).KeepCancelledTurnAsync(); }).ParamName);
    }
}

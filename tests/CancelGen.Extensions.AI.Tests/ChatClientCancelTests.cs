namespace CancelGen.Extensions.AI.Tests;

public class ChatClientCancelTests
{
    [Fact]
    public async Task Cancel_during_text_ends_the_stream_cancelled_and_cancels_the_model_token()
    {
        var midText = new Gate();
        var model = new ScriptedChatClient().Script("Tell a story",
            [ModelStep.Chunk("Once "), ModelStep.Chunk("upon "), ModelStep.Wait(midText), ModelStep.Chunk("a time")]);
        var client = Pipelines.WithStreamingRuns(model);

        await using var run = client.StartStreamingRun([new ChatMessage(ChatRole.User, "Tell a story")]);
        await using var events = run.StreamEvents().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("Once ", events.Current.Text);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("upon ", events.Current.Text);
        await midText.Reached;
        run.Cancel();

        Assert.False(await events.MoveNextAsync().AsTask().Within());
        await run.Completion.Within();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(midText.SawCancellation);
        Assert.True(model.Calls.Single().Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Cancel_during_a_tool_call_cancels_the_tool_token_and_starts_no_further_model_call()
    {
        var inTool = new Gate();
        var model = WeatherScenario.Model("Checking. ");

        await using var run = WeatherScenario.StartGated(Pipelines.WithStreamingRuns(model), inTool);
        var events = RunEvents.CollectAsync(run);
        await inTool.Reached;
        Assert.Equal("get_weather", Assert.Single(run.TrackedTasks).Name);
        run.Cancel();

        await events;
        await run.Completion.Within();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(inTool.SawCancellation);
        Assert.Single(model.Calls);
        Assert.Empty(run.TrackedTasks);
    }

    [Fact]
    public async Task After_turn_cancel_in_a_two_tool_turn_lets_both_tools_finish_delivers_their_results_and_starts_no_further_model_call()
    {
        var weather = new Gate();
        var time = new Gate();
        var model = new ScriptedChatClient().Script("Weather and time?",
            [ModelStep.Chunk("Looking up both. "), ModelStep.Call("get_weather", "call-w"), ModelStep.Call("get_time", "call-t")],
            [ModelStep.Chunk("Sunny at noon.")]);
        var client = Pipelines.WithStreamingRuns(model, concurrentCalls: true);

        await using var run = client.StartStreamingRun(
            [new ChatMessage(ChatRole.User, "Weather and time?")],
            Pipelines.Tools(Tools.Gated("get_weather", weather, "sunny"), Tools.Gated("get_time", time, "noon")));
        var events = RunEvents.CollectAsync(run);
        await Task.WhenAll(weather.Reached, time.Reached);
        run.Cancel(CancelMode.AfterTurn);
        weather.Release();
        time.Release();

        var results = (await events).FunctionResults();
        await run.Completion.Within();
        Assert.Equal("sunny", results["call-w"]);
        Assert.Equal("noon", results["call-t"]);
        Assert.False(weather.SawCancellation);
        Assert.False(time.SawCancellation);
        Assert.Single(model.Calls);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal(1, run.CurrentTurn);
    }

    [Fact]
    public async Task After_turn_cancel_in_the_last_turn_lets_the_response_finish_and_the_run_complete()
    {
        var midText = new Gate();
        var model = new ScriptedChatClient().Script("Hello",
            [ModelStep.Chunk("Hi, "), ModelStep.Wait(midText), ModelStep.Chunk("how can I help?")]);
        var client = Pipelines.WithStreamingRuns(model);

        await using var run = client.StartStreamingRun([new ChatMessage(ChatRole.User, "Hello")]);
        var events = RunEvents.CollectAsync(run);
        await midText.Reached;
        run.Cancel(CancelMode.AfterTurn);
        midText.Release();

        Assert.Equal("Hi, how can I help?", (await events).Text());
        await run.Completion.Within();
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.False(midText.SawCancellation);
        Assert.False((await run.KeepCancelledTurnAsync()).IsKept);
    }

    [Fact]
    public async Task A_tool_that_ignores_its_token_is_reported_running_after_cancel_and_Completion_waits_for_it()
    {
        var stubborn = new Gate();
        var model = new ScriptedChatClient().Script("Index everything",
            [ModelStep.Call("reindex", "call-1")],
            [ModelStep.Chunk("Done.")]);
        var client = Pipelines.WithStreamingRuns(model);

        await using var run = client.StartStreamingRun(
            [new ChatMessage(ChatRole.User, "Index everything")], Pipelines.Tools(Tools.IgnoringToken("reindex", stubborn, "indexed")));
        var events = RunEvents.CollectAsync(run);
        await stubborn.Reached;
        run.Cancel();

        await events;
        Assert.Equal(RunStatus.Cancelled, run.Status);
        var tool = Assert.Single(run.TrackedTasks);
        Assert.Equal("reindex", tool.Name);
        Assert.Equal(TrackedTaskStatus.CancellationRequested, tool.Status);
        Assert.False(run.Completion.IsCompleted);

        stubborn.Release();
        await run.Completion.Within();
        Assert.Empty(run.TrackedTasks);
        Assert.Single(model.Calls);
    }

    [Fact]
    public async Task CancelTask_on_one_of_two_parallel_tools_tells_the_model_it_was_cancelled_and_the_run_completes()
    {
        var slow = new Gate();
        var fast = new Gate();
        var model = new ScriptedChatClient().Script("Flights and hotels?",
            [ModelStep.Call("search_flights", "call-f"), ModelStep.Call("search_hotels", "call-h")],
            [ModelStep.Chunk("Hotels found; flights were skipped.")]);
        var client = Pipelines.WithStreamingRuns(model, concurrentCalls: true);

        await using var run = client.StartStreamingRun(
            [new ChatMessage(ChatRole.User, "Flights and hotels?")],
            Pipelines.Tools(Tools.Gated("search_flights", slow, "3 flights"), Tools.Gated("search_hotels", fast, "2 hotels")));
        var events = RunEvents.CollectAsync(run);
        await Task.WhenAll(slow.Reached, fast.Reached);
        var flights = run.TrackedTasks.Single(task => task.Name == "search_flights");
        Assert.True(run.CancelTask(flights.Id));
        fast.Release();

        var received = await events;
        await run.Completion.Within();
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.True(slow.SawCancellation);
        Assert.False(fast.SawCancellation);
        var sent = model.Calls[1].FunctionResults;
        Assert.Equal("The call to search_flights was cancelled before it finished.", sent["call-f"]);
        Assert.Equal("2 hotels", sent["call-h"]);
        Assert.EndsWith("Hotels found; flights were skipped.", received.Text());
        Assert.Equal(2, run.CurrentTurn);
    }

    [Fact]
    public async Task A_model_stream_that_throws_mid_turn_faults_the_run_with_that_exception()
    {
        var failure = new InvalidOperationException("The model connection dropped.");
        var model = new ScriptedChatClient().Script("Hello",
            [ModelStep.Chunk("Hi "), ModelStep.Throw(failure)]);
        var client = Pipelines.WithStreamingRuns(model);

        await using var run = client.StartStreamingRun([new ChatMessage(ChatRole.User, "Hello")]);
        var seen = new List<ChatResponseUpdate>();
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var update in run.StreamEvents())
            {
                seen.Add(update);
            }
        });

        Assert.Same(failure, thrown);
        Assert.Equal("Hi ", seen.Text());
        Assert.Equal(RunStatus.Faulted, run.Status);
        Assert.Same(failure, run.Fault);
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => run.Completion.Within()));
    }

    [Fact]
    public async Task A_tool_that_throws_is_reported_to_the_model_and_the_run_goes_on()
    {
        var model = new ScriptedChatClient().Script("Convert 10 EUR",
            [ModelStep.Call("convert", "call-1")],
            [ModelStep.Chunk("The converter is down.")]);
        var client = Pipelines.WithStreamingRuns(model);

        await using var run = client.StartStreamingRun(
            [new ChatMessage(ChatRole.User, "Convert 10 EUR")],
            Pipelines.Tools(Tools.Throwing("convert", new HttpRequestException("rates unavailable"))));
        var events = RunEvents.CollectAsync(run);

        Assert.EndsWith("The converter is down.", (await events).Text());
        await run.Completion.Within();
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("Error: Function failed.", model.Calls[1].FunctionResults["call-1"]);
    }
}

namespace CancelGen.Extensions.AI.Tests;

public class ChatClientTurnTests
{
    [Fact]
    public async Task FinalOutput_equals_the_response_the_updates_make()
    {
        var model = new ScriptedChatClient().Script("Weather?",
            [ModelStep.Chunk("Let me check. "), ModelStep.Call("get_weather", "call-1")],
            [ModelStep.Chunk("It is "), ModelStep.Chunk("sunny.")]);
        var client = Pipelines.WithStreamingRuns(model);

        await using var run = client.StartStreamingRun(
            [new ChatMessage(ChatRole.User, "Weather?")], Pipelines.Tools(Tools.Returning("get_weather", "sunny")));
        var events = await RunEvents.CollectAsync(run);
        var output = await run.FinalOutput.Within();

        var expected = events.ToChatResponse();
        Assert.Equal(expected.Text, output.Text);
        Assert.Equal(["Let me check. ", "", "It is sunny."], output.Messages.Select(message => message.Text));
        Assert.Equal(
            expected.Messages.Select(message => (message.Role, message.Contents.Count)),
            output.Messages.Select(message => (message.Role, message.Contents.Count)));
        Assert.Equal(3, output.Messages.Count);
    }

    [Fact]
    public async Task CurrentTurn_counts_model_calls()
    {
        var secondTurn = new Gate();
        var thirdTurn = new Gate();
        var model = new ScriptedChatClient().Script("Plan a day",
            [ModelStep.Call("get_weather", "call-1")],
            [ModelStep.Wait(secondTurn), ModelStep.Call("get_events", "call-2")],
            [ModelStep.Wait(thirdTurn), ModelStep.Chunk("Go to the park.")]);
        var client = Pipelines.WithStreamingRuns(model);

        await using var run = client.StartStreamingRun(
            [new ChatMessage(ChatRole.User, "Plan a day")],
            Pipelines.Tools(Tools.Returning("get_weather", "sunny"), Tools.Returning("get_events", "concert")));
        var events = RunEvents.CollectAsync(run);

        await secondTurn.Reached;
        Assert.Equal(2, run.CurrentTurn);
        secondTurn.Release();
        await thirdTurn.Reached;
        Assert.Equal(3, run.CurrentTurn);
        thirdTurn.Release();

        await events;
        await run.Completion.Within();
        Assert.Equal(3, run.CurrentTurn);
        Assert.Equal(3, model.Calls.Count);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Pause_holds_the_run_before_its_next_model_call_and_resume_lets_it_go_on()
    {
        var inTool = new Gate();
        var model = WeatherScenario.Model();

        await using var run = WeatherScenario.StartGated(Pipelines.WithStreamingRuns(model), inTool);
        await inTool.Reached;
        run.Pause();
        inTool.Release();
        await inTool.Exited;

        Assert.True(run.IsPaused);
        Assert.Single(model.Calls);
        Assert.Equal(1, run.CurrentTurn);

        run.Resume();
        var events = await RunEvents.CollectAsync(run);
        await run.Completion.Within();
        Assert.Equal("sunny", events.FunctionResults()["call-1"]);
        Assert.Equal("Sunny.", events.Text());
        Assert.Equal(2, model.Calls.Count);
        Assert.Equal(2, run.CurrentTurn);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Function_calls_are_tracked_tasks_named_after_the_function_in_the_turn_that_asked_for_them()
    {
        var inTool = new Gate();
        var model = WeatherScenario.Model();

        await using var run = WeatherScenario.StartGated(Pipelines.WithStreamingRuns(model), inTool);
        await inTool.Reached;

        var tool = Assert.Single(run.TrackedTasks);
        Assert.Equal("get_weather", tool.Name);
        Assert.Equal(1, tool.Turn);
        Assert.Equal(TrackedTaskStatus.Running, tool.Status);
        inTool.Release();
        await RunEvents.CollectAsync(run);
        await run.Completion.Within();
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_model_call_made_inside_a_function_counts_no_turn_of_the_run()
    {
        var model = new ScriptedChatClient()
            .Script("Ask the expert", [ModelStep.Call("ask_expert", "call-1")], [ModelStep.Chunk("The expert says 42.")])
            .Script("What is the answer?", [ModelStep.Chunk("42")]);
        var client = Pipelines.WithStreamingRuns(model);
        var askExpert = AIFunctionFactory.Create(
            async (CancellationToken cancellationToken) =>
                (await client.GetResponseAsync([new ChatMessage(ChatRole.User, "What is the answer?")], cancellationToken: cancellationToken)).Text,
            "ask_expert");

        await using var run = client.StartStreamingRun([new ChatMessage(ChatRole.User, "Ask the expert")], Pipelines.Tools(askExpert));
        var events = await RunEvents.CollectAsync(run);
        await run.Completion.Within();

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(2, run.CurrentTurn);
        Assert.Equal("42", events.FunctionResults()["call-1"]);
    }
}

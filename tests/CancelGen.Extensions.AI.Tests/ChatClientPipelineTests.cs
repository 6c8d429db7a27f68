namespace CancelGen.Extensions.AI.Tests;

public class ChatClientPipelineTests
{
    [Fact]
    public async Task Outside_a_run_the_pipeline_behaves_like_without_UseStreamingRuns()
    {
        ModelStep[][] script =
        [
            [ModelStep.Chunk("Checking. "), ModelStep.Call("get_weather", "call-1")],
            [ModelStep.Chunk("Sunny.")],
        ];
        var plainModel = new ScriptedChatClient().Script("Weather?", script).Script("Warm-up", [ModelStep.Call("get_weather", "call-0")], [ModelStep.Chunk("ok")]);
        var runsModel = new ScriptedChatClient().Script("Weather?", [.. script, .. script]).Script("Warm-up", [ModelStep.Call("get_weather", "call-0")], [ModelStep.Chunk("ok")]);
        var plain = Pipelines.WithoutStreamingRuns(plainModel);
        var withRuns = Pipelines.WithStreamingRuns(runsModel);
        var tools = Pipelines.Tools(Tools.Returning("get_weather", "sunny"));

        // A run first, so the pipeline's function invoker is CancelGen's: outside a run it must change nothing.
        await using (var warmUp = withRuns.StartStreamingRun([new ChatMessage(ChatRole.User, "Warm-up")], tools))
        {
            await warmUp.Completion.Within();
        }

        var expected = await plain.GetResponseAsync([new ChatMessage(ChatRole.User, "Weather?")], tools);
        var actual = await withRuns.GetResponseAsync([new ChatMessage(ChatRole.User, "Weather?")], tools);
        var streamed = await withRuns.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Weather?")], tools).ToListAsync();

        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Messages.Select(message => message.Role), actual.Messages.Select(message => message.Role));
        Assert.Equal("sunny", runsModel.CallsFor("Weather?")[1].FunctionResults["call-1"]);
        Assert.Equal(4, runsModel.CallsFor("Weather?").Count);
        Assert.Equal(expected.Text, streamed.ToChatResponse().Text);
    }

    [Fact]
    public async Task Without_UseStreamingRuns_a_run_is_one_turn_with_untracked_function_calls()
    {
        var inTool = new Gate();
        var model = WeatherScenario.Model();

        await using var run = WeatherScenario.StartGated(Pipelines.WithoutStreamingRuns(model), inTool);
        await inTool.Reached;
        Assert.Empty(run.TrackedTasks);
        inTool.Release();

        var events = await RunEvents.CollectAsync(run);
        await run.Completion.Within();
        Assert.Equal("Sunny.", events.Text());
        Assert.Equal(1, run.CurrentTurn);
        Assert.Equal(2, model.Calls.Count);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("Sunny.", (await run.FinalOutput).Text);
    }

    [Fact]
    public void UseStreamingRuns_outside_UseFunctionInvocation_throws_naming_the_right_order()
    {
        var builder = new ChatClientBuilder(new ScriptedChatClient()).UseStreamingRuns().UseFunctionInvocation();

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("UseFunctionInvocation().UseStreamingRuns()", error.Message);
    }

    [Fact]
    public async Task Two_concurrent_runs_on_one_client_see_only_their_own_turns_and_calls_and_cancelling_one_leaves_the_other()
    {
        var toolA = new Gate();
        var toolB = new Gate();
        var model = new ScriptedChatClient()
            .Script("Run A", [ModelStep.Call("lookup_a", "a-1")], [ModelStep.Chunk("A done.")])
            .Script("Run B", [ModelStep.Call("lookup_b", "b-1")], [ModelStep.Chunk("B done.")]);
        var client = Pipelines.WithStreamingRuns(model);
        var tools = Pipelines.Tools(Tools.Gated("lookup_a", toolA, "a"), Tools.Gated("lookup_b", toolB, "b"));

        await using var runA = client.StartStreamingRun([new ChatMessage(ChatRole.User, "Run A")], tools);
        await using var runB = client.StartStreamingRun([new ChatMessage(ChatRole.User, "Run B")], tools);
        var eventsA = RunEvents.CollectAsync(runA);
        var eventsB = RunEvents.CollectAsync(runB);
        await Task.WhenAll(toolA.Reached, toolB.Reached);

        Assert.Equal(["lookup_a"], runA.TrackedTasks.Select(task => task.Name));
        Assert.Equal(["lookup_b"], runB.TrackedTasks.Select(task => task.Name));
        runA.Cancel();
        await eventsA;
        toolB.Release();

        Assert.Equal("B done.", (await eventsB).Text());
        await Task.WhenAll(runA.Completion, runB.Completion).Within();
        Assert.Equal(RunStatus.Cancelled, runA.Status);
        Assert.Equal(RunStatus.Completed, runB.Status);
        Assert.True(toolA.SawCancellation);
        Assert.False(toolB.SawCancellation);
        Assert.Equal(1, runA.CurrentTurn);
        Assert.Equal(2, runB.CurrentTurn);
        Assert.Single(model.CallsFor("Run A"));
        Assert.Equal(2, model.CallsFor("Run B").Count);
    }

    [Fact]
    public void StartStreamingRun_rejects_a_null_client_or_null_messages()
    {
        IChatClient? noClient = null;
        var client = Pipelines.WithStreamingRuns(new ScriptedChatClient());

        Assert.Equal("client", Assert.Throws<ArgumentNullException>(() => noClient!.StartStreamingRun([])).ParamName);
        Assert.Equal("messages", Assert.Throws<ArgumentNullException>(() => client.StartStreamingRun(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((ChatClientBuilder)null!).UseStreamingRuns()).ParamName);
        Assert.Equal("innerClient", Assert.Throws<ArgumentNullException>(() => new StreamingRunsChatClient(null!)).ParamName);
    }
}

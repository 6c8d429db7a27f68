using Microsoft.Agents.AI;

namespace CancelGen.Extensions.AI.Tests;

public class AgentRunTests
{
    [Fact]
    public async Task An_agent_run_streams_its_updates_counts_turns_and_FinalOutput_is_the_agent_response()
    {
        var model = new ScriptedChatClient().Script("Weather?",
            [ModelStep.Chunk("Checking. "), ModelStep.Call("get_weather", "call-1")],
            [ModelStep.Chunk("Sunny.")]);
        var agent = Pipelines.WithStreamingRuns(model).AsAIAgent(name: "forecaster", tools: [Tools.Returning("get_weather", "sunny")]);

        await using var run = agent.StartStreamingRun("Weather?");
        var events = await RunEvents.CollectAsync(run);
        var output = await run.FinalOutput.Within();

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(2, run.CurrentTurn);
        Assert.Equal(events.ToAgentResponse().Text, output.Text);
        Assert.Equal(["Checking. ", "", "Sunny."], output.Messages.Select(message => message.Text));
        Assert.Equal("sunny", model.Calls[1].FunctionResults["call-1"]);
    }

    [Fact]
    public async Task Agent_function_calls_are_tracked_tasks_and_one_can_be_cancelled_alone()
    {
        var inTool = new Gate();
        var model = new ScriptedChatClient().Script("Book a table",
            [ModelStep.Call("find_restaurant", "call-1")],
            [ModelStep.Chunk("I could not search; which area?")]);
        var agent = Pipelines.WithStreamingRuns(model).AsAIAgent(tools: [Tools.Gated("find_restaurant", inTool, "Chez Marie")]);

        await using var run = agent.StartStreamingRun([new ChatMessage(ChatRole.User, "Book a table")]);
        await inTool.Reached;
        var call = Assert.Single(run.TrackedTasks);
        Assert.Equal("find_restaurant", call.Name);
        Assert.True(run.CancelTask(call.Id));

        await RunEvents.CollectAsync(run);
        await run.Completion.Within();
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.True(inTool.SawCancellation);
        Assert.Equal("The call to find_restaurant was cancelled before it finished.", model.Calls[1].FunctionResults["call-1"]);
    }

    [Fact]
    public async Task UseStreamingRuns_alone_works_under_the_function_invocation_the_agent_adds()
    {
        var inTool = new Gate();
        var model = WeatherScenario.Model();
        var agent = new ChatClientBuilder(model).UseStreamingRuns().Build()
            .AsAIAgent(tools: [Tools.Gated("get_weather", inTool, "sunny")]);

        await using var run = agent.StartStreamingRun("Weather?");
        await inTool.Reached;
        Assert.Equal("get_weather", Assert.Single(run.TrackedTasks).Name);
        run.Cancel(CancelMode.AfterTurn);
        inTool.Release();

        await RunEvents.CollectAsync(run);
        await run.Completion.Within();
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Single(model.Calls);
    }

    [Fact]
    public async Task The_kept_turn_of_a_cancelled_agent_run_is_seen_by_the_next_call_on_the_same_session()
    {
        var midText = new Gate();
        var model = new ScriptedChatClient().Script("Plan my trip",
            [ModelStep.Chunk("Day one: "), ModelStep.Chunk("the museum. "), ModelStep.Wait(midText), ModelStep.Chunk("Day two: the beach.")],
            [ModelStep.Chunk("Day two: the beach.")]);
        var agent = Pipelines.WithStreamingRuns(model).AsAIAgent(name: "planner");
        var session = await agent.CreateSessionAsync();

        await using (var run = agent.StartStreamingRun("Plan my trip", session))
        {
            await midText.Reached;
            run.Cancel();
            var kept = await run.KeepCancelledTurnAsync().Within();

            Assert.True(kept.IsKept);
            Assert.True(kept.IsStoredInSession);
            Assert.Equal("Plan my trip", Assert.Single(kept.RequestMessages).Text);
            Assert.Equal("Day one: the museum. ", Assert.Single(kept.ResponseMessages).Text);
            Assert.Same(kept, await run.KeepCancelledTurnAsync());
        }

        await using var next = agent.StartStreamingRun("Go on", session);
        await next.Completion.Within();

        var sent = model.Calls[1].Messages;
        Assert.Equal(
            [(ChatRole.User, "Plan my trip"), (ChatRole.Assistant, "Day one: the museum. "), (ChatRole.User, "Go on")],
            sent.Select(message => (message.Role, message.Text)));
    }

    [Fact]
    public async Task A_cancelled_agent_turn_that_is_not_kept_leaves_the_session_without_it()
    {
        var midText = new Gate();
        var model = new ScriptedChatClient().Script("Plan my trip",
            [ModelStep.Chunk("Day one: "), ModelStep.Wait(midText)],
            [ModelStep.Chunk("Let us start over.")]);
        var agent = Pipelines.WithStreamingRuns(model).AsAIAgent();
        var session = await agent.CreateSessionAsync();

        await using (var run = agent.StartStreamingRun("Plan my trip", session))
        {
            await midText.Reached;
            await run.CancelAsync();
        }

        await using var next = agent.StartStreamingRun([new ChatMessage(ChatRole.User, "Plan my trip")], session);
        await next.Completion.Within();
        Assert.Equal(["Plan my trip"], model.Calls[1].Messages.Select(message => message.Text));
    }

    [Fact]
    public void StartStreamingRun_on_an_agent_rejects_null_arguments()
    {
        AIAgent? noAgent = null;
        var agent = Pipelines.WithStreamingRuns(new ScriptedChatClient()).AsAIAgent();

        Assert.Equal("agent", Assert.Throws<ArgumentNullException>(() => noAgent!.StartStreamingRun("Hi")).ParamName);
        Assert.Equal("agent", Assert.Throws<ArgumentNullException>(() => noAgent!.StartStreamingRun([new ChatMessage(ChatRole.User, "Hi")])).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => agent.StartStreamingRun((string)null!)).ParamName);
        Assert.Equal("messages", Assert.Throws<ArgumentNullException>(() => agent.StartStreamingRun((IEnumerable<ChatMessage>)null!)).ParamName);
        Assert.Equal("run", Assert.Throws<ArgumentNullException>(() => { _ = ((RunResultStreaming<AgentResponseUpdate, AgentResponse>)null!).KeepCancelledTurnAsync(); }).ParamName);
    }
}

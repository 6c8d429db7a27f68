namespace CancelGen.Chaos.Tests.Harness;

/// <summary>
/// Starts the adapter shape of a scenario: <c>IChatClient.StartStreamingRun</c> over the real
/// <see cref="FunctionInvokingChatClient"/> and <c>UseStreamingRuns()</c>, with a scripted model. Model response k sends
/// the turn's text chunks and calls turn k's tools; a response may hold at a gate, and the last may throw.
/// </summary>
internal static class AdapterRuns
{
    private const string Conversation = "chaos";

    public static StartedRun<ChatResponseUpdate> Start(ChaosScenario scenario, ChaosRecorder recorder, CancellationToken startToken)
    {
        var hold = new Gate();
        var modelFailure = new ChaosFailureException("the model's stream failed");
        var tools = new List<AITool>();
        var responses = new List<ModelStep[]>();
        for (var turn = 0; turn < scenario.Turns; turn++)
        {
            var steps = new List<ModelStep>();
            steps.AddRange(Enumerable.Range(0, scenario.EventsPerTurn).Select(e => ModelStep.Chunk($"t{turn}e{e} ")));
            if (turn == scenario.HoldAtTurn)
            {
                steps.Add(ModelStep.Wait(hold));
            }

            var calls = turn < scenario.Turns - 1 ? scenario.Tools[turn] : [];
            for (var i = 0; i < calls.Length; i++)
            {
                var kind = calls[i];
                var name = ChaosTools.Name(kind, turn, i);
                tools.Add(AIFunctionFactory.Create((CancellationToken token) => ChaosTools.RunAsync(kind, recorder, failuresFailTheRun: false, token), name));
                steps.Add(ModelStep.Call(name, $"call-{turn}-{i}"));
            }

            var last = calls.Length == 0;
            if (last && scenario.CodeFails)
            {
                steps.Add(ModelStep.Throw(modelFailure));
            }

            responses.Add([.. steps]);
            if (last)
            {
                break;
            }
        }

        var model = new ScriptedChatClient().Script(Conversation, [.. responses]);
        var client = Pipelines.WithStreamingRuns(new FailureRecordingChatClient(model, recorder), scenario.ConcurrentCalls);
        var run = client.StartStreamingRun(
            [new ChatMessage(ChatRole.User, Conversation)],
            new ChatOptions { Tools = tools },
            new RunOptions { BufferCapacity = scenario.Capacity, EventHistory = EventHistory.All, Name = $"chaos-{scenario.Seed}" },
            startToken);

        return new StartedRun<ChatResponseUpdate>(
            run,
            run.FinalOutput,
            static (_, _) => null,
            hold.Release);
    }
}

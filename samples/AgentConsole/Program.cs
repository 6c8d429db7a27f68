using AgentConsole;
using AgentConsole.Agent;
using CancelGen;

// An offline, scripted weather agent (no network, no keys) run three times:
//   1. to the end;
//   2. cancelled after the turn in progress (the turn's tool calls finish, then the run stops);
//   3. cancelled immediately in the middle of a tool call (the tool is stopped, progress is kept).
// `--fast` shortens the simulated latencies (used by the tests).
var fast = args.Contains("--fast");
var timing = fast ? DemoTiming.Fast : DemoTiming.Realistic;
const string Question = "Should I take an umbrella to Paris or Oslo?";
var console = new EventPrinter(Console.Out);
var failures = 0;

console.Heading("1. A full run");
{
    var (agent, tools) = timing.CreateAgent();
    await using var run = agent.AnswerStreamed(Question); // generated from [StreamingRun] AnswerAsync
    await foreach (var e in run.StreamEvents())
    {
        console.Print(e);
    }

    console.Result(run, $"final answer: \"{await run.FinalOutput}\"", tools);
    failures += console.Expect(run.Status == RunStatus.Completed && tools.CallsStarted == 3, "completed with 3 tool calls");
}

console.Heading("2. Cancel after the turn: asked at the first tool call, the turn finishes first");
{
    var (agent, tools) = timing.CreateAgent();
    await using var run = agent.AnswerStreamed(Question);
    var asked = false;
    await foreach (var e in run.StreamEvents())
    {
        console.Print(e);
        if (e is ToolCallStarted && !asked)
        {
            console.Note("Cancel(CancelMode.AfterTurn)");
            run.Cancel(CancelMode.AfterTurn);
            asked = true;
        }
    }

    await run.Completion;
    console.Result(run, $"stopped at the end of turn {run.CurrentTurn}", tools);
    failures += console.Expect(
        run.Status == RunStatus.Cancelled && tools.CallsStarted == 2 && tools.CallsEnded == 2 && run.TrackedTasks.Count == 0,
        "cancelled after turn 1, both of its tool calls finished, nothing left running");
}

console.Heading("3. Cancel immediately, in the middle of a tool call");
{
    var (agent, tools) = timing.CreateAgent();
    await using var run = agent.AnswerStreamed(Question);
    await foreach (var e in run.StreamEvents())
    {
        console.Print(e);
        if (e is ToolCallStarted { Tool: "get_forecast" })
        {
            console.Note($"tracked tasks now: {string.Join(", ", run.TrackedTasks.Select(t => t.Name))}");
            console.Note("Cancel()");
            run.Cancel();
        }
    }

    await run.CancelAsync();
    var progress = run.GetProgress();
    var saved = (AgentProgress?)progress.SavedState;
    console.Result(run, $"saved progress: turn {saved?.Turn}, \"{saved?.AnswerSoFar}\"", tools);
    console.Note($"events of the partial turn kept for a retry: {progress.RecordedEvents.Count}");
    failures += console.Expect(
        run.Status == RunStatus.Cancelled && tools.CallsStarted == tools.CallsEnded && run.TrackedTasks.Count == 0 && saved?.Turn == 2,
        "cancelled in turn 2, the forecast call stopped, progress kept");
}

return failures == 0 ? 0 : 1;

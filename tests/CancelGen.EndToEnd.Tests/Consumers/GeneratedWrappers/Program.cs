using CancelGen;
using Microsoft.Extensions.AI;
using GeneratedWrappers;

var agent = new WordAgent();

await using (var counting = agent.CountStreamed(3))
{
    var numbers = new List<int>();
    await foreach (var number in counting.StreamEvents())
    {
        numbers.Add(number);
    }

    await counting.Completion;
    Console.WriteLine($"iterator: {string.Join(",", numbers)} status={counting.Status}");
}

await using (var answering = agent.AnswerStreamed("hello packed world"))
{
    var words = new List<string>();
    await foreach (var word in answering.StreamEvents())
    {
        words.Add(word);
    }

    var count = await answering.FinalOutput;
    Console.WriteLine($"emitter: {string.Join(",", words)} output={count} status={answering.Status}");
}

await using (var ticking = agent.TickStreamed())
{
    var ticks = new List<int>();
    await foreach (var tick in ticking.StreamEvents())
    {
        ticks.Add(tick);
        if (ticks.Count == 2)
        {
            await ticking.CancelAsync();
            break;
        }
    }

    Console.WriteLine($"cancelled: {string.Join(",", ticks)} status={ticking.Status}");
}

// The adapter: a real FunctionInvokingChatClient with UseStreamingRuns() over an offline model. The tool waits
// until the app has looked at the run's tracked tasks, so the function call is seen while it runs.
IChatClient client = new ChatClientBuilder(new OfflineModel()).UseFunctionInvocation().UseStreamingRuns().Build();
var toolStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var toolMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var getWeather = AIFunctionFactory.Create(
    async (string city) =>
    {
        toolStarted.SetResult();
        await toolMayFinish.Task;
        return $"rain in {city}";
    },
    "get_weather");
await using (var chat = client.StartStreamingRun([new ChatMessage(ChatRole.User, "Umbrella?")], new ChatOptions { Tools = [getWeather] }))
{
    await toolStarted.Task;
    var tools = string.Join(",", chat.TrackedTasks.Select(task => $"{task.Name}@{task.Turn}"));
    toolMayFinish.SetResult();

    var updates = 0;
    await foreach (var update in chat.StreamEvents())
    {
        updates++;
    }

    var response = await chat.FinalOutput;
    Console.WriteLine($"adapter: tools={tools} turns={chat.CurrentTurn} text={response.Text.Trim()} status={chat.Status} updates={updates > 0}");
}

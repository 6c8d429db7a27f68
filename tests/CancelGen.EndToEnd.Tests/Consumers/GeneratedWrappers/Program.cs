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

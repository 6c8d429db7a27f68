using LeakyAgent;

var agent = new ChatAgent();

var run = agent.AnswerStreamed("is it raining in Oslo");
await foreach (var word in run.StreamEvents()) // CG0001
{
    Console.WriteLine(word);
    break;
}

agent.AnswerStreamed("and in Bergen"); // CG0002

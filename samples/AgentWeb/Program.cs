using AgentWeb.Hosting;

// An offline, scripted weather agent served to a browser: open the printed URL, type a prompt, watch the answer
// stream, and stop it (now, or after the turn), pause it, cancel one tool call, or reload the page mid-answer.
// `dotnet run --project samples/AgentWeb` (add `--port 5080`, or `--urls http://127.0.0.1:0` for a free port).
var app = AgentWebHost.Build(args, AgentWebSettings.FromArgs(args));
await app.StartAsync();
foreach (var url in app.Urls)
{
    Console.WriteLine($"AgentWeb is listening on {url}");
}

Console.WriteLine("Press Ctrl+C to stop.");
await app.WaitForShutdownAsync();

using AgentConsole;
using AgentConsole.Demos;
using AgentConsole.Output;

// An offline, scripted weather agent (no network, no keys) on the real agent stack: the model is an
// IChatClient, the tools are AIFunctions, the pipeline is UseFunctionInvocation().UseStreamingRuns().
//
// At a terminal: one live agent run. Ctrl+C once = finish the turn in progress, then stop;
// twice = stop now. At the end, what was kept of the cancelled turn.
// Without a terminal (CI, a pipe) or with `--fast`: scripted demos that cancel at fixed points, one
// verdict line each ("OK: ..." / "UNEXPECTED: ..."); the exit code is 0 only if every demo is OK.
if (ConsoleMode.IsInteractive(args))
{
    return await InteractiveDemo.RunAsync(Consoles.Terminal(), DemoTiming.Interactive, TimeProvider.System);
}

var timing = args.Contains("--fast") ? DemoTiming.Fast : DemoTiming.Scripted;
var failures = await ScriptedDemos.RunAllAsync(new TranscriptPrinter(Consoles.Log()), timing, TimeProvider.System);
return failures == 0 ? 0 : 1;

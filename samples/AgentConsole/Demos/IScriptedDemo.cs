using AgentConsole.Agent;
using AgentConsole.Output;

namespace AgentConsole.Demos;

/// <summary>One scripted demo: runs on a fresh stack, acts at a fixed point, prints its verdict.</summary>
internal interface IScriptedDemo
{
    /// <summary>The demo's heading.</summary>
    string Title { get; }

    /// <summary>Runs the demo; returns whether everything it checks held (its verdict line says what).</summary>
    Task<bool> RunAsync(WeatherStack stack, TranscriptPrinter printer);
}

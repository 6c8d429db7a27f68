using AgentConsole.Agent;
using CancelGen;

namespace AgentConsole;

/// <summary>Writes the agent's events as a person would like to read them.</summary>
internal sealed class EventPrinter(TextWriter output)
{
    private bool _midLine;

    public void Heading(string title)
    {
        EndLine();
        output.WriteLine();
        output.WriteLine($"== {title} ==");
    }

    public void Print(AgentEvent e)
    {
        switch (e)
        {
            case TextDelta delta:
                output.Write(delta.Text);
                _midLine = true;
                break;
            case ToolCallStarted call:
                Line($"  -> {call.Tool}({call.Arguments})");
                break;
            case ToolCallCompleted done:
                Line($"  <- {done.Tool}: {done.Result}");
                break;
            case TurnEnded turn:
                Line($"  [turn {turn.Turn} ended]");
                break;
        }
    }

    public void Note(string text) => Line($"  ** {text}");

    public void Result(RunResultStreaming<AgentEvent> run, string detail, WeatherTools tools) =>
        Line($"status {run.Status}; tool calls started {tools.CallsStarted}, ended {tools.CallsEnded}; still tracked {run.TrackedTasks.Count}; {detail}");

    /// <summary>Prints whether the demo showed what it should; returns 1 when it did not.</summary>
    public int Expect(bool condition, string what)
    {
        Line(condition ? $"OK: {what}" : $"UNEXPECTED: not {what}");
        return condition ? 0 : 1;
    }

    private void Line(string text)
    {
        EndLine();
        output.WriteLine(text);
    }

    private void EndLine()
    {
        if (_midLine)
        {
            output.WriteLine();
            _midLine = false;
        }
    }
}

using AgentConsole.Agent;
using AgentConsole.Tools;
using CancelGen;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace AgentConsole.Output;

/// <summary>
/// Writes the scripted demos as a readable log: the streamed text, each tool call and result, notes at
/// the points where a demo acts, tables of tracked tasks and tool calls, and one verdict per demo.
/// </summary>
internal sealed class TranscriptPrinter(IAnsiConsole console)
{
    private readonly Dictionary<string, string> _toolByCallId = new(StringComparer.Ordinal);
    private bool _midLine;

    /// <summary>Starts a demo's section.</summary>
    public void Heading(string title)
    {
        EndLine();
        console.WriteLine();
        console.WriteLine($"== {title} ==");
    }

    /// <summary>Writes what one streamed update carries: text inline, tool calls and results on their own lines.</summary>
    public void Print(IEnumerable<AIContent> contents)
    {
        foreach (var content in contents)
        {
            switch (content)
            {
                case TextContent text when text.Text.Length > 0:
                    console.Write(new Text(text.Text));
                    _midLine = true;
                    break;
                case FunctionCallContent call:
                    _toolByCallId[call.CallId] = call.Name;
                    Line($"  -> {ContentText.Call(call)}");
                    break;
                case FunctionResultContent result:
                    Line($"  <- {_toolByCallId.GetValueOrDefault(result.CallId, result.CallId)}: {ContentText.Result(result)}");
                    break;
            }
        }
    }

    /// <summary>Writes one of the trip planner's app-level events.</summary>
    public void Print(TripEvent tripEvent)
    {
        switch (tripEvent)
        {
            case QuestionAsked asked:
                Line($"  [planner turn {asked.Turn}] asks: {asked.Question}");
                break;
            case AnswerDelta delta:
                console.Write(new Text(delta.Text));
                _midLine = true;
                break;
            case ToolRequested requested:
                Line($"  -> {requested.Call}");
                break;
            case ToolAnswered answered:
                Line($"  <- {answered.Tool}: {answered.Result}");
                break;
            case QuestionAnswered answered:
                Line($"  [planner turn {answered.Turn}] answered ({answered.Answer.Length} characters)");
                break;
        }
    }

    /// <summary>Writes what the demo does or sees at this point.</summary>
    public void Note(string text) => Line($"  ** {text}");

    /// <summary>Writes the run's tracked tasks right now (the tool calls in flight).</summary>
    public void TrackedTasks(IReadOnlyList<TrackedTaskInfo> tasks)
    {
        EndLine();
        var table = new Table().Title("run.TrackedTasks").AddColumns("id", "name", "turn", "status");
        foreach (var task in tasks)
        {
            table.AddRow(task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), task.Name, task.Turn.ToString(System.Globalization.CultureInfo.InvariantCulture), task.Status.ToString());
        }

        console.Write(table);
    }

    /// <summary>Writes every tool call the tools saw and how each ended.</summary>
    public void ToolCalls(ToolCallLog log)
    {
        EndLine();
        var table = new Table().Title("tool calls").AddColumns("tool", "arguments", "outcome");
        foreach (var call in log.Calls)
        {
            table.AddRow(Markup.Escape(call.Tool), Markup.Escape(call.Argument), call.Outcome.ToString());
        }

        console.Write(table);
    }

    /// <summary>Writes the messages kept from a cancelled turn.</summary>
    public void Kept(IReadOnlyList<ChatMessage> messages)
    {
        Note($"kept from the cancelled turn: {messages.Count} message(s)");
        foreach (var message in messages)
        {
            Line($"     {ContentText.Message(message)}");
        }
    }

    /// <summary>Writes the demo's verdict line (<c>OK: ...</c> or <c>UNEXPECTED: ...</c>); returns whether it held.</summary>
    public bool Verdict(bool held, string what)
    {
        Line(held ? $"OK: {what}" : $"UNEXPECTED: not {what}");
        return held;
    }

    private void Line(string text)
    {
        EndLine();
        console.WriteLine(text);
    }

    private void EndLine()
    {
        if (_midLine)
        {
            console.WriteLine();
            _midLine = false;
        }
    }
}

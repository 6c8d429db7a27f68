using System.Text;
using CancelGen;

namespace AgentConsole.Agent;

/// <summary>
/// A multi-turn agent: each turn streams the model's text, then runs the tools it asked for in parallel as
/// tasks owned by the run, then ends the turn. Cancelling the run stops the model stream and every tool.
/// </summary>
public sealed partial class WeatherAgent(ScriptedModel model, WeatherTools tools)
{
    /// <summary>Answers <paramref name="question"/>, streaming events; returns the full answer text.</summary>
    /// <remarks>
    /// CancelGen generates <c>AnswerStreamed(string question, CancellationToken cancellationToken = default)</c>,
    /// which starts this method as a run and returns its handle. The run keeps the current turn's events so
    /// that a cancelled turn can be saved and retried.
    /// </remarks>
    [StreamingRun(EventHistory = EventHistory.CurrentTurn)]
    public async Task<string> AnswerAsync(string question, RunContext<AgentEvent> run, CancellationToken cancellationToken)
    {
        var answer = new StringBuilder();
        for (var turn = 1; turn <= model.Turns; turn++)
        {
            await foreach (var chunk in model.StreamTextAsync(turn, cancellationToken))
            {
                answer.Append(chunk);
                run.SaveProgress(new AgentProgress(question, turn, answer.ToString()));
                await run.EmitAsync(new TextDelta(turn, chunk));
            }

            answer.Append(' ');
            var calls = new List<Task>();
            foreach (var (tool, arguments) in model.ToolCalls(turn))
            {
                await run.EmitAsync(new ToolCallStarted(turn, tool, arguments));
                var currentTurn = turn;
                calls.Add(run.Run(
                    async toolToken =>
                    {
                        var result = await tools.CallAsync(tool, arguments, toolToken);
                        await run.EmitAsync(new ToolCallCompleted(currentTurn, tool, result));
                    },
                    $"{tool}({arguments})"));
            }

            await Task.WhenAll(calls);
            await run.EmitAsync(new TurnEnded(turn));
            await run.EndTurnAsync();
        }

        return answer.ToString().Trim();
    }
}

/// <summary>What the agent saves as it goes, so a cancelled answer can be stored and resumed.</summary>
public sealed record AgentProgress(string Question, int Turn, string AnswerSoFar);

using CancelGen;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentConsole.Agent;

/// <summary>
/// The app's own streamed run on top of the agent: it puts several questions to the agent, one per
/// turn, in one session, and streams app-level events. Its turns are questions, so an after-turn cancel
/// lets the agent finish the question in progress and asks no further one.
/// </summary>
/// <param name="agent">The agent to ask.</param>
internal sealed partial class TripPlanner(AIAgent agent)
{
    /// <summary>Asks <paramref name="questions"/> in order; returns the answers.</summary>
    /// <remarks>
    /// CancelGen generates <c>AskAllStreamed(IReadOnlyList&lt;string&gt; questions, CancellationToken cancellationToken = default)</c>,
    /// which starts this method as a run and returns its handle. Each agent run inside is started with the
    /// planner run's token, so cancelling the planner stops the agent and its tool calls too. The answers
    /// so far are saved as progress after each question.
    /// </remarks>
    [StreamingRun]
    public async Task<IReadOnlyList<string>> AskAllAsync(IReadOnlyList<string> questions, RunContext<TripEvent> run, CancellationToken cancellationToken)
    {
        var session = await agent.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        var answers = new List<string>();
        var toolByCallId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var turn = run.CurrentTurn;
            await run.EmitAsync(new QuestionAsked(turn, question)).ConfigureAwait(false);
            await using (var agentRun = agent.StartStreamingRun(question, session, cancellationToken: cancellationToken))
            {
                await foreach (var update in agentRun.StreamEvents(cancellationToken).ConfigureAwait(false))
                {
                    foreach (var tripEvent in Translate(turn, update.Contents, toolByCallId))
                    {
                        await run.EmitAsync(tripEvent).ConfigureAwait(false);
                    }
                }

                var response = await agentRun.FinalOutput.ConfigureAwait(false);
                answers.Add(response.Text);
            }

            run.SaveProgress(answers.ToArray());
            await run.EmitAsync(new QuestionAnswered(turn, answers[^1])).ConfigureAwait(false);
            await run.EndTurnAsync().ConfigureAwait(false);
        }

        return answers;
    }

    private static IEnumerable<TripEvent> Translate(int turn, IEnumerable<AIContent> contents, Dictionary<string, string> toolByCallId)
    {
        foreach (var content in contents)
        {
            switch (content)
            {
                case TextContent text when text.Text.Length > 0:
                    yield return new AnswerDelta(turn, text.Text);
                    break;
                case FunctionCallContent call:
                    toolByCallId[call.CallId] = call.Name;
                    yield return new ToolRequested(turn, Output.ContentText.Call(call));
                    break;
                case FunctionResultContent result:
                    yield return new ToolAnswered(turn, toolByCallId.GetValueOrDefault(result.CallId, result.CallId), Output.ContentText.Result(result));
                    break;
            }
        }
    }
}

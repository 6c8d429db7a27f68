using Microsoft.Extensions.AI;

namespace CancelGen.Internal;

/// <summary>Readies a chat pipeline for a run: with a <see cref="StreamingRunsChatClient"/> in it, function calls become tracked tasks.</summary>
internal static class RunPipeline
{
    /// <summary>
    /// When the pipeline has a <see cref="StreamingRunsChatClient"/>, installs the tracking function invoker on its
    /// <see cref="FunctionInvokingChatClient"/>. Without one the pipeline is left untouched: the run is one turn and its
    /// function calls are not tracked.
    /// </summary>
    /// <param name="getService">The pipeline's <c>GetService</c> (of the chat client or of the agent).</param>
    public static void Prepare(Func<Type, object?> getService)
    {
        if (getService(typeof(StreamingRunsChatClient)) is null)
        {
            return;
        }

        if (getService(typeof(FunctionInvokingChatClient)) is FunctionInvokingChatClient functions)
        {
            TrackedFunctionInvoker.EnsureInstalled(functions);
        }
    }
}

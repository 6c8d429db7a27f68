using CancelGen.Internal;
using Microsoft.Extensions.AI;

namespace CancelGen;

/// <summary>Adds the <see cref="StreamingRunsChatClient"/> to a chat pipeline.</summary>
public static class StreamingRunsChatClientBuilderExtensions
{
    /// <summary>
    /// Adds the pipeline piece CancelGen runs need for turns and tools. Call it after
    /// <c>UseFunctionInvocation()</c>: <c>new ChatClientBuilder(inner).UseFunctionInvocation().UseStreamingRuns().Build()</c>.
    /// Inside a run started with <c>StartStreamingRun</c>, a turn is then one model call plus the function calls it asked
    /// for, and every function call is a tracked task named after the function; outside a run the piece passes calls through.
    /// </summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ChatClientBuilder UseStreamingRuns(this ChatClientBuilder builder)
    {
        Guard.NotNull(builder, nameof(builder));
        return builder.Use(innerClient => new StreamingRunsChatClient(innerClient));
    }
}

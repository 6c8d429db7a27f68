namespace CancelGen.Extensions.AI.Tests.Support;

/// <summary>The real Microsoft.Extensions.AI pipelines the tests run.</summary>
public static class Pipelines
{
    /// <summary><c>UseFunctionInvocation().UseStreamingRuns()</c> over the model.</summary>
    public static IChatClient WithStreamingRuns(IChatClient model, bool concurrentCalls = false) =>
        new ChatClientBuilder(model)
            .UseFunctionInvocation(configure: functions => functions.AllowConcurrentInvocation = concurrentCalls)
            .UseStreamingRuns()
            .Build();

    /// <summary><c>UseFunctionInvocation()</c> alone over the model.</summary>
    public static IChatClient WithoutStreamingRuns(IChatClient model) =>
        new ChatClientBuilder(model).UseFunctionInvocation().Build();

    public static ChatOptions Tools(params AITool[] tools) => new() { Tools = tools };
}

using CancelGen.EndToEnd.Tests.Support;

namespace CancelGen.EndToEnd.Tests;

/// <summary>
/// A user's console app with <c>[StreamingRun]</c> methods and an <c>IChatClient</c> run through the adapter, built and run
/// against the packed packages, with one reference: CancelGen.Extensions.AI, which brings CancelGen's runtime and generator.
/// </summary>
[Collection(PackedPackages.CollectionName)]
public sealed class GeneratedWrappersConsumerTests(PackedPackages packages)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Consumer_of_the_packages_runs_both_generated_wrapper_shapes_cancels_a_run_and_runs_an_adapter_run_with_a_tracked_tool()
    {
        var consumer = packages.CreateConsumer(packages.RepositoryPath("tests/CancelGen.EndToEnd.Tests/Consumers/GeneratedWrappers"));

        var build = await consumer.RunDotnetAsync(BuildTimeout, "build", "-c", "Release");
        AnalyzerLoadFailures.AssertNone(build);
        build.EnsureSuccess();

        var run = (await consumer.RunDotnetAsync(RunTimeout, "run", "-c", "Release", "--no-build")).EnsureSuccess();
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["iterator: 1,2,3 status=Completed", "emitter: hello,packed,world output=3 status=Completed", "cancelled: 0,1 status=Cancelled",
             "adapter: tools=get_weather@1 turns=2 text=Oslo: rain in Oslo status=Completed updates=True"],
            lines);
    }
}

using CancelGen.EndToEnd.Tests.Support;

namespace CancelGen.EndToEnd.Tests;

/// <summary>A user's console app with <c>[StreamingRun]</c> methods, built and run against the packed CancelGen package.</summary>
[Collection(PackedPackages.CollectionName)]
public sealed class GeneratedWrappersConsumerTests(PackedPackages packages)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Consumer_of_the_package_runs_both_generated_wrapper_shapes_and_cancels_a_run()
    {
        var consumer = packages.CreateConsumer(packages.RepositoryPath("tests/CancelGen.EndToEnd.Tests/Consumers/GeneratedWrappers"));

        var build = await consumer.RunDotnetAsync(BuildTimeout, "build", "-c", "Release");
        AnalyzerLoadFailures.AssertNone(build);
        build.EnsureSuccess();

        var run = (await consumer.RunDotnetAsync(RunTimeout, "run", "-c", "Release", "--no-build")).EnsureSuccess();
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["iterator: 1,2,3 status=Completed", "emitter: hello,packed,world output=3 status=Completed", "cancelled: 0,1 status=Cancelled"],
            lines);
    }
}

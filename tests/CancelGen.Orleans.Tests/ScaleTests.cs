namespace CancelGen.Orleans.Tests;

/// <summary>Many runs spread over the instances, half of them cancelled through another instance.</summary>
public sealed class ScaleTests
{
    private const int Runs = 200;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_hundred_runs_over_three_instances_half_cancelled_from_another_instance_all_end_right()
    {
        await using var cluster = await RunCluster.StartAsync();
        var started = await Task.WhenAll(Enumerable.Range(0, Runs).Select(async i =>
        {
            var owner = cluster.Instances[i % 3];
            var (run, id) = await owner.StartRunAsync();
            run.EmitTexts(1, 3);
            return (Index: i, Run: run, Id: id);
        })).WaitAsync(Guard);

        var answers = await Task.WhenAll(started.Select(async entry =>
        {
            var other = cluster.Instances[(entry.Index + 1) % 3];
            if (entry.Index % 2 == 0)
            {
                return (entry, Status: (await other.PostAsync($"/runs/{entry.Id}/cancel")).GetProperty("status").GetString());
            }

            entry.Run.Finish();
            using var client = other.Client();
            var frames = await SseClient.ReadToEndAsync(client, entry.Id);
            Assert.Equal(["1", "2", "3"], frames.Where(frame => frame.EventType != "end").Select(frame => frame.EventId));
            return (entry, Status: System.Text.Json.JsonDocument.Parse(frames[^1].Data).RootElement.GetProperty("status").GetString());
        })).WaitAsync(Guard);

        foreach (var (entry, status) in answers)
        {
            var expected = entry.Index % 2 == 0 ? "cancelled" : "completed";
            Assert.Equal(expected, status);
            Assert.Equal(entry.Index % 2 == 0 ? RunStatus.Cancelled : RunStatus.Completed, entry.Run.Handle.Status);
            var third = cluster.Instances[(entry.Index + 2) % 3];
            Assert.Equal(expected, (await third.StatusAsync(entry.Id)).GetProperty("status").GetString());
        }

        Assert.All(cluster.Instances, instance => Assert.Equal(0, instance.OwnedLiveRuns));
    }
}

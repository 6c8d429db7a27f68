using System.Security.Claims;
using CancelGen.Grains;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace CancelGen.Orleans.Tests;

/// <summary>The cluster registry called directly: one owner per run, records at transitions.</summary>
public sealed class RegistryTests
{
    [Fact]
    public async Task A_run_is_added_once_and_found_from_every_instance_with_its_owner()
    {
        await using var cluster = await RunCluster.StartAsync();
        var run = new ScriptedRun();
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "carol")], "Test")) };
        var id = cluster.B.Registry.Add(run.Handle, context);
        Assert.NotNull(await cluster.B.Registry.FindAsync(id)); // on the owner, a lookup waits for the grain

        var error = Assert.Throws<InvalidOperationException>(() => cluster.B.Registry.Add(run.Handle, context));
        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);

        foreach (var instance in cluster.Instances)
        {
            var found = await instance.Registry.FindAsync(id);
            Assert.NotNull(found);
            Assert.Equal("carol", found.Owner);
            Assert.Equal(RegisteredRunStatus.Running, (await found.GetStateAsync()).Status);
        }

        Assert.Equal(1, cluster.B.OwnedLiveRuns);
        Assert.Equal(0, cluster.A.OwnedLiveRuns);
        run.Finish();
    }

    [Fact]
    public async Task AddAsync_answers_once_every_instance_finds_the_run()
    {
        await using var cluster = await RunCluster.StartAsync();
        var run = new ScriptedRun();
        var id = await cluster.C.Registry.AddAsync(run.Handle, new DefaultHttpContext());

        // Asked first on another instance than the owner: the run is already recorded, its grain already on C.
        var found = await cluster.A.Registry.FindAsync(id);
        Assert.NotNull(found);
        Assert.Null(found.Owner);
        Assert.Equal(1, cluster.C.OwnedLiveRuns);
        Assert.Equal(RegisteredRunStatus.Cancelled, (await found.CancelAsync(CancelMode.Immediate)).Status);
        Assert.Equal(RunStatus.Cancelled, run.Handle.Status);
    }

    [Fact]
    public async Task The_record_follows_each_transition()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync("dave");
        var record = Record(cluster, id);
        Assert.True(record.Registered);
        Assert.Equal("dave", record.Owner);
        Assert.Equal((int)RegisteredRunStatus.Running, record.Status);
        Assert.Equal(cluster.A.Silo.SiloAddress.ToString(), record.OwnerSilo);

        run.EmitTexts(1, 3);
        var remote = (await cluster.C.Registry.FindAsync(id))!;
        await foreach (var frame in remote.ReadEventsAsync(0))
        {
            if (frame.Id == 3)
            {
                break;
            }
        }

        await remote.PauseAsync();
        record = Record(cluster, id);
        Assert.True(record.IsPaused);
        Assert.Equal(3, record.LastEventId);

        await remote.CancelAsync(CancelMode.Immediate);
        record = Record(cluster, id);
        Assert.Equal((int)RegisteredRunStatus.Cancelled, record.Status);
        Assert.NotNull(record.EndedAt);
        Assert.Equal(0, cluster.A.OwnedLiveRuns);
    }

    private static RunRecord Record(RunCluster cluster, string id) =>
        cluster.Storage.Read<RunRecord>("run", cluster.B.Silo.ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IRunGrain>(id).GetGrainId())!;
}

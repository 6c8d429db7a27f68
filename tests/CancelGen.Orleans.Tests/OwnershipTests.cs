using System.Net;

namespace CancelGen.Orleans.Tests;

/// <summary>A user's run is that user's on every instance; unknown ids are 404 everywhere.</summary>
public sealed class OwnershipTests
{
    [Fact]
    public async Task Two_users_are_isolated_across_instances()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (aliceRun, aliceId) = await cluster.A.StartRunAsync("alice");
        var (bobRun, bobId) = await cluster.B.StartRunAsync("bob");

        foreach (var instance in cluster.Instances)
        {
            using var bob = instance.Client("bob");
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/runs/{aliceId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/runs/{aliceId}/events")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/runs/{aliceId}/cancel", null)).StatusCode);
            using var anonymous = instance.Client();
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync($"/runs/{bobId}/pause", null)).StatusCode);
            using var alice = instance.Client("alice");
            Assert.Equal(HttpStatusCode.NotFound, (await alice.PostAsync($"/runs/{bobId}/cancel", null)).StatusCode);
            Assert.Equal("running", (await instance.StatusAsync(aliceId, "alice")).GetProperty("status").GetString());
        }

        Assert.Equal(RunStatus.Running, aliceRun.Handle.Status);
        Assert.Equal(RunStatus.Running, bobRun.Handle.Status);
        Assert.Equal("cancelled", (await cluster.C.PostAsync($"/runs/{bobId}/cancel", "bob")).GetProperty("status").GetString());
        aliceRun.Finish();
    }

    [Fact]
    public async Task An_unknown_id_is_404_on_every_instance_and_leaves_no_record()
    {
        await using var cluster = await RunCluster.StartAsync();
        var unknown = "AAAAAAAAAAAAAAAAAAAAAA";
        foreach (var instance in cluster.Instances)
        {
            using var client = instance.Client();
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/runs/{unknown}")).StatusCode);
            Assert.Null(await instance.Registry.FindAsync(unknown));
        }

        Assert.Equal(0, cluster.Storage.Count);
    }
}

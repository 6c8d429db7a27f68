using System.Net.Http.Json;
using System.Text.Json;

namespace CancelGen.Orleans.Tests;

/// <summary>Two real processes of the sample in cluster mode: start a run on one, stop it through the other.</summary>
public sealed class TwoProcessTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_run_started_on_instance_0_is_read_and_stopped_through_instance_1_over_HTTP()
    {
        var basePort = LoopbackPorts.FreeClusterBase();
        await using var first = AgentWebProcess.Start(0, basePort);
        await first.WaitUntilServingAsync(Startup);
        await using var second = AgentWebProcess.Start(1, basePort);
        await second.WaitUntilServingAsync(Startup);

        var started = await first.Client.PostAsJsonAsync("/api/chat", new { prompt = "What is the weather in Paris and Oslo?" });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // The first event, streamed from instance 0 through instance 1.
        await foreach (var frame in SseClient.ReadAsync(second.Client, id).WithCancellation(new CancellationTokenSource(Guard).Token))
        {
            Assert.Equal("1", frame.EventId);
            break;
        }

        var cancel = await second.Client.PostAsync($"/runs/{id}/cancel", null);
        Assert.True(cancel.IsSuccessStatusCode, second.Output);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var onOwner = await first.Client.GetFromJsonAsync<JsonElement>($"/runs/{id}");
        Assert.Equal("cancelled", onOwner.GetProperty("status").GetString());
        Assert.Empty(onOwner.GetProperty("trackedTasks").EnumerateArray());
    }
}

using System.Text.Json;

namespace CancelGen.Orleans.Tests;

/// <summary>What readers and callers elsewhere see when the instance that runs a run dies, or stops gracefully.</summary>
public sealed class OwnerFailureTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Killing_the_owner_mid_stream_ends_readers_elsewhere_with_lost_and_every_later_call_answers_lost()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync();
        run.EmitTexts(1, 2);
        using var b = cluster.B.Client();
        var reader = Reader.Start(b, id, waitFor: 2);
        await reader.Reached.WaitAsync(Guard);

        await cluster.KillAsync(cluster.A);

        var frames = await reader.Finished.WaitAsync(Guard);
        Assert.Equal(["1", "2", null], frames.Select(frame => frame.EventId));
        Assert.Equal("end", frames[^1].EventType);
        Assert.Equal("lost", JsonDocument.Parse(frames[^1].Data).RootElement.GetProperty("status").GetString());

        Assert.Equal("lost", (await cluster.C.StatusAsync(id)).GetProperty("status").GetString());
        Assert.Equal("lost", (await cluster.B.PostAsync($"/runs/{id}/cancel")).GetProperty("status").GetString());
        Assert.Equal("lost", (await cluster.C.PostAsync($"/runs/{id}/pause")).GetProperty("status").GetString());

        // A reader that comes back later (its browser reconnects) gets the end frame at once.
        using var c = cluster.C.Client();
        var again = await SseClient.ReadToEndAsync(c, id, lastEventIdHeader: "2").WaitAsync(Guard);
        Assert.Equal("end", Assert.Single(again).EventType);
        Assert.Equal("lost", JsonDocument.Parse(again[0].Data).RootElement.GetProperty("status").GetString());
        run.Finish();
    }

    [Fact]
    public async Task Stopping_the_owner_gracefully_cancels_its_runs_and_records_cancelled()
    {
        await using var cluster = await RunCluster.StartAsync();
        var started = new List<(ScriptedRun Run, string Id)>();
        for (var i = 0; i < 3; i++)
        {
            var (run, id) = await cluster.A.StartRunAsync();
            run.EmitTexts(1, 2);
            started.Add((run, id));
        }

        using var b = cluster.B.Client();
        var readers = started.Select(entry => Reader.Start(b, entry.Id, waitFor: 2)).ToList();
        await Task.WhenAll(readers.Select(reader => reader.Reached)).WaitAsync(Guard);

        await cluster.StopAsync(cluster.A).WaitAsync(Guard);

        foreach (var (entry, reader) in started.Zip(readers))
        {
            var frames = await reader.Finished.WaitAsync(Guard);
            Assert.Equal(["1", "2"], frames.Where(frame => frame.EventType != "end").Select(frame => frame.EventId));
            Assert.Equal("cancelled", JsonDocument.Parse(frames[^1].Data).RootElement.GetProperty("status").GetString());
            Assert.Equal(RunStatus.Cancelled, entry.Run.Handle.Status);
            Assert.Equal("cancelled", (await cluster.C.StatusAsync(entry.Id)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_run_recorded_running_whose_owner_is_gone_answers_lost_from_its_record()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync();
        run.EmitTexts(1, 4);
        await cluster.B.PostAsync($"/runs/{id}/pause");

        await cluster.KillAsync(cluster.A);

        var status = await cluster.B.StatusAsync(id);
        Assert.Equal("lost", status.GetProperty("status").GetString());
        Assert.False(status.GetProperty("isPaused").GetBoolean());
        Assert.Empty(status.GetProperty("trackedTasks").EnumerateArray());
        run.Finish();
    }
}

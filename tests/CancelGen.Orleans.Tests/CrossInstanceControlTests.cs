using System.Text.Json;

namespace CancelGen.Orleans.Tests;

/// <summary>A run started on instance A, read and controlled through B and C with the same answers as on A.</summary>
public sealed class CrossInstanceControlTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_started_on_A_is_read_through_B_and_resumed_with_Last_Event_ID_through_C()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync();
        run.EmitTexts(1, 3);

        using var b = cluster.B.Client();
        var first = await SseClient.ReadAndCutAsync(b, id, 2).WaitAsync(Guard);
        Assert.Equal(["1", "2"], first.Select(frame => frame.EventId));
        Assert.All(first, frame => Assert.Equal(nameof(TextDelta), frame.EventType));
        Assert.Equal("""{"text":"t1"}""", first[0].Data);

        run.EmitTexts(4, 2);
        run.Finish();
        using var c = cluster.C.Client();
        var rest = await SseClient.ReadToEndAsync(c, id, lastEventIdHeader: "2").WaitAsync(Guard);
        Assert.Equal(["3", "4", "5", null], rest.Select(frame => frame.EventId));
        Assert.Equal(["t3", "t4", "t5"], rest.Take(3).Select(frame => JsonDocument.Parse(frame.Data).RootElement.GetProperty("text").GetString()));
        Assert.Equal("end", rest[^1].EventType);
        Assert.Equal("completed", JsonDocument.Parse(rest[^1].Data).RootElement.GetProperty("status").GetString());

        var status = await cluster.B.StatusAsync(id);
        Assert.Equal("completed", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Several_readers_on_different_instances_each_get_every_event()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync();
        using var a = cluster.A.Client();
        using var b = cluster.B.Client();
        using var c = cluster.C.Client();
        var readers = new[] { a, b, c }.Select(client => SseClient.ReadToEndAsync(client, id)).ToArray();
        run.EmitTexts(1, 50);
        run.Finish();

        foreach (var frames in await Task.WhenAll(readers).WaitAsync(Guard))
        {
            Assert.Equal(Enumerable.Range(1, 50).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), frames.Take(50).Select(frame => frame.EventId));
            Assert.Equal("end", frames[^1].EventType);
        }
    }

    [Fact]
    public async Task Pause_through_B_and_resume_through_C_answer_after_the_owner_acted()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync();

        var paused = await cluster.B.PostAsync($"/runs/{id}/pause");
        Assert.True(paused.GetProperty("isPaused").GetBoolean());
        Assert.True(run.Handle.IsPaused);
        Assert.True((await cluster.C.StatusAsync(id)).GetProperty("isPaused").GetBoolean());

        var resumed = await cluster.C.PostAsync($"/runs/{id}/resume");
        Assert.False(resumed.GetProperty("isPaused").GetBoolean());
        Assert.False(run.Handle.IsPaused);

        // Idempotent: resuming again answers the same.
        Assert.False((await cluster.B.PostAsync($"/runs/{id}/resume")).GetProperty("isPaused").GetBoolean());
        run.Finish();
    }

    [Fact]
    public async Task Cancel_through_B_answers_once_the_run_has_ended_and_readers_on_C_get_the_end()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync();
        run.EmitTexts(1, 3);
        var releaseTool = new TaskCompletionSource();
        await run.StartStubbornTaskAsync("slow_tool", releaseTool.Task).WaitAsync(Guard);
        using var c = cluster.C.Client();
        var reader = SseClient.ReadToEndAsync(c, id);

        var cancel = cluster.B.PostAsync($"/runs/{id}/cancel");
        // The stubborn tool holds the run: the cancel is not acknowledged before the run has ended.
        Assert.False(cancel.IsCompleted);
        releaseTool.SetResult();
        var answer = await cancel.WaitAsync(Guard);
        Assert.Equal("cancelled", answer.GetProperty("status").GetString());
        Assert.Equal(RunStatus.Cancelled, run.Handle.Status);

        var frames = await reader.WaitAsync(Guard);
        Assert.Equal(["1", "2", "3"], frames.Where(frame => frame.EventType != "end").Select(frame => frame.EventId));
        Assert.Equal("cancelled", JsonDocument.Parse(frames[^1].Data).RootElement.GetProperty("status").GetString());

        // Idempotent: a second cancel through another instance answers the same.
        Assert.Equal("cancelled", (await cluster.C.PostAsync($"/runs/{id}/cancel")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task After_turn_cancel_through_B_lets_the_turn_finish()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync();
        run.EmitTexts(1, 1);

        var answer = await cluster.B.PostAsync($"/runs/{id}/cancel?mode=afterTurn");
        Assert.Equal("running", answer.GetProperty("status").GetString());

        using var c = cluster.C.Client();
        var reader = SseClient.ReadToEndAsync(c, id);
        run.EmitTexts(2, 1);
        run.EndTurn();
        var frames = await reader.WaitAsync(Guard);
        Assert.Equal(["1", "2"], frames.Where(frame => frame.EventType != "end").Select(frame => frame.EventId));
        Assert.Equal("cancelled", JsonDocument.Parse(frames[^1].Data).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task One_tool_cancelled_through_B_and_another_through_C_while_the_run_goes_on_with_exact_numbering()
    {
        await using var cluster = await RunCluster.StartAsync();
        var (run, id) = await cluster.A.StartRunAsync();
        await run.StartTaskAsync("search").WaitAsync(Guard);
        await run.StartTaskAsync("fetch").WaitAsync(Guard);
        run.EmitTexts(1, 2);
        using var reader = cluster.A.Client();
        var frames = SseClient.ReadToEndAsync(reader, id);

        var tasks = (await cluster.B.StatusAsync(id)).GetProperty("trackedTasks").EnumerateArray().ToList();
        Assert.Equal(["search", "fetch"], tasks.Select(task => task.GetProperty("name").GetString()));
        var search = tasks[0].GetProperty("id").GetInt64();
        var fetch = tasks[1].GetProperty("id").GetInt64();

        var afterSearch = await cluster.B.PostAsync($"/runs/{id}/tasks/{search}/cancel");
        Assert.Equal("running", afterSearch.GetProperty("status").GetString());
        Assert.DoesNotContain(run.Handle.TrackedTasks, task => task.Id == search && task.Status == TrackedTaskStatus.Running);
        run.EmitTexts(3, 1);

        var afterFetch = await cluster.C.PostAsync($"/runs/{id}/tasks/{fetch}/cancel");
        Assert.Equal("running", afterFetch.GetProperty("status").GetString());
        run.EmitTexts(4, 2);
        run.Finish();

        var all = await frames.WaitAsync(Guard);
        Assert.Equal(["1", "2", "3", "4", "5"], all.Where(frame => frame.EventType != "end").Select(frame => frame.EventId));
        Assert.Equal("completed", JsonDocument.Parse(all[^1].Data).RootElement.GetProperty("status").GetString());

        // A task that is no longer live: 404 through any instance.
        using var c = cluster.C.Client();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await c.PostAsync($"/runs/{id}/tasks/{search}/cancel", null)).StatusCode);
    }
}

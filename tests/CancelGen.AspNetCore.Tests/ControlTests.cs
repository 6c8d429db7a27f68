using System.Text.Json;

namespace CancelGen.AspNetCore.Tests;

public sealed class ControlTests
{
    [Fact]
    public async Task Status_has_exactly_the_documented_camel_case_shape()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        await run.StartTaskAsync("get_weather");

        var status = await TestApp.StatusAsync(client, id);

        Assert.Equal(["id", "status", "turn", "isPaused", "trackedTasks"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, status.GetProperty("id").GetString());
        Assert.Equal("running", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("turn").GetInt32());
        Assert.False(status.GetProperty("isPaused").GetBoolean());
        var task = Assert.Single(status.GetProperty("trackedTasks").EnumerateArray());
        Assert.Equal(["id", "name", "status"], task.EnumerateObject().Select(p => p.Name));
        Assert.Equal(run.Handle.TrackedTasks[0].Id, task.GetProperty("id").GetInt64());
        Assert.Equal("get_weather", task.GetProperty("name").GetString());
        Assert.Equal("running", task.GetProperty("status").GetString());
        run.Finish();
    }

    [Fact]
    public async Task Cancel_answers_cancelled_after_the_run_and_its_tracked_tasks_have_ended()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        await run.StartTaskAsync("get_weather");
        await run.StartTaskAsync("get_forecast");

        var status = await TestApp.PostAsync(client, $"/runs/{id}/cancel");

        Assert.Equal("cancelled", status.GetProperty("status").GetString());
        Assert.Equal(0, status.GetProperty("trackedTasks").GetArrayLength());
        Assert.True(run.Handle.Completion.IsCompleted);
        Assert.Empty(run.Handle.TrackedTasks);
        var frames = await SseClient.ReadToEndAsync(client, id);
        Assert.Contains("\"status\":\"cancelled\"", frames[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explicit_immediate_mode_cancels_like_the_default()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (_, id) = await app.StartRunAsync(client);

        var status = await TestApp.PostAsync(client, $"/runs/{id}/cancel?mode=immediate");

        Assert.Equal("cancelled", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_after_turn_lets_the_turn_in_progress_finish_then_ends_cancelled()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        var release = new TaskCompletionSource();
        await run.StartTaskAsync("get_weather", release.Task);

        var status = await TestApp.PostAsync(client, $"/runs/{id}/cancel?mode=afterTurn");
        Assert.Equal("running", status.GetProperty("status").GetString());
        run.EmitTexts(1, 2);
        release.SetResult();
        run.EndTurn();

        var frames = await SseClient.ReadToEndAsync(client, id);
        Assert.Equal(["TextDelta", "TextDelta", "end"], frames.Select(f => f.EventType));
        Assert.Contains("\"status\":\"cancelled\"", frames[^1].Data, StringComparison.Ordinal);
        Assert.Equal(1, (await TestApp.StatusAsync(client, id)).GetProperty("turn").GetInt32());
    }

    [Fact]
    public async Task Pause_and_resume_answer_the_status_with_isPaused()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);

        var paused = await TestApp.PostAsync(client, $"/runs/{id}/pause");
        Assert.True(paused.GetProperty("isPaused").GetBoolean());
        Assert.True(run.Handle.IsPaused);
        Assert.True((await TestApp.StatusAsync(client, id)).GetProperty("isPaused").GetBoolean());

        var resumed = await TestApp.PostAsync(client, $"/runs/{id}/resume");
        Assert.False(resumed.GetProperty("isPaused").GetBoolean());
        Assert.False(run.Handle.IsPaused);
        run.Finish();
    }

    [Fact]
    public async Task Cancelling_one_task_leaves_the_run_and_the_other_tasks_going()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        await run.StartTaskAsync("get_weather");
        await run.StartTaskAsync("get_forecast");
        var weather = run.Handle.TrackedTasks.Single(t => t.Name == "get_weather");

        var status = await TestApp.PostAsync(client, $"/runs/{id}/tasks/{weather.Id}/cancel");

        Assert.Equal("running", status.GetProperty("status").GetString());
        Assert.DoesNotContain(run.Handle.TrackedTasks, t => t.Id == weather.Id && t.Status == TrackedTaskStatus.Running);
        Assert.Contains(run.Handle.TrackedTasks, t => t.Name == "get_forecast" && t.Status == TrackedTaskStatus.Running);
        await TestApp.PostAsync(client, $"/runs/{id}/cancel");
    }

    [Fact]
    public async Task Cancel_on_an_ended_run_answers_its_final_status()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.Finish();
        await SseClient.ReadToEndAsync(client, id);

        var status = await TestApp.PostAsync(client, $"/runs/{id}/cancel?mode=afterTurn");

        Assert.Equal("completed", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_ids_are_22_url_safe_characters_and_distinct()
    {
        await using var app = await TestApp.StartAsync(o => o.MaxRunsPerOwner = null);
        var client = app.Client();
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var (run, id) = await app.StartRunAsync(client);
            run.Finish();
            ids.Add(id);
        }

        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{22}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Adding_the_same_run_twice_throws_naming_the_problem()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var run = new ScriptedRun();
        await app.AddAsync(client, run);

        var registry = (IRunRegistry)app.App.Services.GetService(typeof(IRunRegistry))!;
        var error = Assert.Throws<InvalidOperationException>(() => registry.Add(run.Handle, new Microsoft.AspNetCore.Http.DefaultHttpContext()));

        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);
        run.Finish();
    }

    [Fact]
    public async Task Server_code_finds_a_run_by_id_through_the_registry()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client("alice");
        var (run, id) = await app.StartRunAsync(client);
        var registry = (IRunRegistry)app.App.Services.GetService(typeof(IRunRegistry))!;

        var found = await registry.FindAsync(id);

        Assert.NotNull(found);
        Assert.Equal("alice", found.Owner);
        Assert.Equal(RegisteredRunStatus.Running, (await found.GetStateAsync()).Status);
        Assert.Null(await registry.FindAsync("AAAAAAAAAAAAAAAAAAAAAA"));
        run.Finish();
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CancelGen.AspNetCore.Tests;

public sealed class LifetimeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_disconnect_only_detaches_by_default_and_the_run_goes_on()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 2);

        await SseClient.ReadAndCutAsync(client, id, 1);
        await app.Logs.WaitForAsync(23, id);

        Assert.Equal(RunStatus.Running, run.Handle.Status);
        run.EmitTexts(3, 1);
        run.Finish();
        var rest = await SseClient.ReadToEndAsync(client, id, lastEventIdHeader: "1");
        Assert.Equal(["2", "3"], rest.Where(f => f.EventType != "end").Select(f => f.EventId));
        Assert.Contains("\"status\":\"completed\"", rest[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_DisconnectPolicy_Cancel_a_disconnect_cancels_the_run_and_its_tasks()
    {
        await using var app = await TestApp.StartAsync(o => o.DisconnectPolicy = DisconnectPolicy.Cancel);
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        await run.StartTaskAsync("get_weather");
        run.EmitTexts(1, 2);

        await SseClient.ReadAndCutAsync(client, id, 1);
        await app.Logs.WaitForAsync(25, id);
        await run.Handle.Completion;

        Assert.Equal(RunStatus.Cancelled, run.Handle.Status);
        Assert.Empty(run.Handle.TrackedTasks);
    }

    [Fact]
    public async Task With_DisconnectPolicy_Cancel_a_reader_that_read_to_the_end_cancels_nothing()
    {
        await using var app = await TestApp.StartAsync(o => o.DisconnectPolicy = DisconnectPolicy.Cancel);
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 1);
        run.Finish();

        var frames = await SseClient.ReadToEndAsync(client, id);

        Assert.Contains("\"status\":\"completed\"", frames[^1].Data, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Completed, run.Handle.Status);
    }

    [Fact]
    public async Task A_run_nobody_ever_reads_is_cancelled_after_the_detached_timeout()
    {
        await using var app = await TestApp.StartAsync(o => o.DetachedRunTimeout = Timeout);
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        await run.StartTaskAsync("get_weather");

        app.Time.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.Equal(RunStatus.Running, run.Handle.Status);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await run.Handle.Completion;

        Assert.Equal(RunStatus.Cancelled, run.Handle.Status);
        Assert.Empty(run.Handle.TrackedTasks);
        Assert.Contains(app.Logs.Entries, e => e.EventId == 5 && e.Message.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_keeps_the_run_alive_and_the_clock_restarts_when_the_last_reader_leaves()
    {
        await using var app = await TestApp.StartAsync(o => o.DetachedRunTimeout = Timeout);
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 1);

        await using (var reader = SseClient.ReadAsync(client, id).GetAsyncEnumerator())
        {
            Assert.True(await reader.MoveNextAsync());
            app.Time.Advance(Timeout * 3);
            Assert.Equal(RunStatus.Running, run.Handle.Status);
        }

        await app.Logs.WaitForAsync(23, id);
        app.Time.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.Equal(RunStatus.Running, run.Handle.Status);
        app.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(RunStatus.Cancelled, run.Handle.Status);
    }

    [Fact]
    public async Task An_infinite_detached_timeout_never_cancels()
    {
        await using var app = await TestApp.StartAsync(o => o.DetachedRunTimeout = System.Threading.Timeout.InfiniteTimeSpan);
        var (run, _) = await app.StartRunAsync(app.Client());

        app.Time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(RunStatus.Running, run.Handle.Status);
        run.Finish();
    }

    [Fact]
    public async Task An_ended_run_stays_readable_for_the_retention_time_then_is_dropped()
    {
        var retention = TimeSpan.FromMinutes(2);
        await using var app = await TestApp.StartAsync(o => o.EndedRunRetention = retention);
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.Finish();
        await app.Logs.WaitForAsync(9, id);

        app.Time.Advance(retention - TimeSpan.FromSeconds(1));
        Assert.Equal("completed", (await TestApp.StatusAsync(client, id)).GetProperty("status").GetString());
        app.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/runs/{id}/events")).StatusCode);
    }

    [Fact]
    public async Task Shutdown_cancels_live_runs_waits_for_them_and_readers_get_their_end_frame()
    {
        var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        await run.StartTaskAsync("get_weather");
        run.EmitTexts(1, 1);
        var reader = SseClient.ReadToEndAsync(client, id);
        await app.Logs.WaitForAsync(22, id);

        await app.App.StopAsync();

        Assert.True(run.Handle.Completion.IsCompleted);
        Assert.Equal(RunStatus.Cancelled, run.Handle.Status);
        Assert.Empty(run.Handle.TrackedTasks);
        var frames = await reader;
        Assert.Equal("end", frames[^1].EventType);
        Assert.Contains("\"status\":\"cancelled\"", frames[^1].Data, StringComparison.Ordinal);
        await app.App.DisposeAsync();
    }

    [Fact]
    public async Task The_shutdown_wait_is_bounded_by_the_host_shutdown_timeout()
    {
        var app = await TestApp.StartAsync(build: b => b.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200)));
        var (run, id) = await app.StartRunAsync(app.Client());
        var release = new TaskCompletionSource();
        await run.StartStubbornTaskAsync("ignores_its_token", release.Task);

        await app.App.StopAsync();

        Assert.False(run.Handle.Completion.IsCompleted);
        Assert.Equal(RunStatus.Cancelled, run.Handle.Status);
        Assert.Contains(app.Logs.Entries, e => e.EventId == 8);
        release.SetResult();
        await run.Handle.Completion;
        await app.App.DisposeAsync();
    }

    [Fact]
    public void Options_refuse_values_that_make_no_sense()
    {
        var options = new StreamingRunsOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.DetachedRunTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.EndedRunRetention = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.EventLogCapacity = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRunsPerOwner = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.DisconnectPolicy = (DisconnectPolicy)7);
        Assert.Equal(TimeSpan.FromMinutes(5), options.DetachedRunTimeout);
        Assert.Equal(DisconnectPolicy.Detach, options.DisconnectPolicy);
    }
}

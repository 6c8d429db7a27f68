using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CancelGen.AspNetCore.Tests;

public sealed class MalformedInputTests
{
    public static TheoryData<string, string> EveryRoute => new()
    {
        { "GET", "/runs/{0}" },
        { "GET", "/runs/{0}/events" },
        { "POST", "/runs/{0}/cancel" },
        { "POST", "/runs/{0}/pause" },
        { "POST", "/runs/{0}/resume" },
        { "POST", "/runs/{0}/tasks/1/cancel" },
    };

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task A_malformed_run_id_is_400_problem_details(string method, string route)
    {
        await using var app = await TestApp.StartAsync();

        foreach (var badId in new[] { "short", "AAAAAAAAAAAAAAAAAAAAA%21", "AAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA%2BA" })
        {
            await AssertProblemAsync(await SendAsync(app.Client(), method, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, badId)), HttpStatusCode.BadRequest);
        }
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task An_unknown_run_id_is_404_problem_details(string method, string route)
    {
        await using var app = await TestApp.StartAsync();

        var response = await SendAsync(app.Client(), method, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, "AAAAAAAAAAAAAAAAAAAAAA"));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("now")]
    [InlineData("")]
    [InlineData("Immediate ")]
    [InlineData("after_turn")]
    [InlineData("1")]
    public async Task A_bad_cancel_mode_is_400_and_the_run_goes_on(string mode)
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);

        await AssertProblemAsync(await client.PostAsync($"/runs/{id}/cancel?mode={Uri.EscapeDataString(mode)}", null), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PostAsync($"/runs/{id}/cancel?mode=immediate&mode=afterTurn", null), HttpStatusCode.BadRequest);

        Assert.Equal(RunStatus.Running, run.Handle.Status);
        run.Finish();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData(" 1")]
    [InlineData("99999999999999999999999")]
    [InlineData("3")]
    public async Task A_malformed_or_future_Last_Event_ID_is_400(string lastEventId)
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 2);
        await WaitForEventsAsync(client, id, 2);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/runs/{id}/events");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.GetAsync($"/runs/{id}/events?lastEventId={Uri.EscapeDataString(lastEventId)}"), HttpStatusCode.BadRequest);
        run.Finish();
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-2")]
    [InlineData("1e3")]
    public async Task A_malformed_task_id_is_400(string taskId)
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);

        await AssertProblemAsync(await client.PostAsync($"/runs/{id}/tasks/{taskId}/cancel", null), HttpStatusCode.BadRequest);
        run.Finish();
    }

    [Fact]
    public async Task An_unknown_or_ended_task_id_is_404_and_the_run_goes_on()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        var release = new TaskCompletionSource();
        await run.StartTaskAsync("lookup", release.Task);
        var taskId = run.Handle.TrackedTasks[0].Id;
        release.SetResult();
        await WaitForNoTasksAsync(run);

        await AssertProblemAsync(await client.PostAsync($"/runs/{id}/tasks/{taskId}/cancel", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PostAsync($"/runs/{id}/tasks/424242/cancel", null), HttpStatusCode.NotFound);

        Assert.Equal(RunStatus.Running, run.Handle.Status);
        run.Finish();
    }

    private static async Task WaitForNoTasksAsync(ScriptedRun run)
    {
        // The tracked task's end is observed through the run itself: a turn boundary waits for nothing, so poll the
        // snapshot with yields (deterministic: the task has already completed, only its bookkeeping is pending).
        while (run.Handle.TrackedTasks.Count > 0)
        {
            await Task.Yield();
        }
    }

    private static async Task WaitForEventsAsync(HttpClient client, string id, int count)
    {
        var seen = 0;
        await foreach (var frame in SseClient.ReadAsync(client, id))
        {
            if (++seen == count)
            {
                return;
            }
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }
}

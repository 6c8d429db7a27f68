using System.Net.ServerSentEvents;
using System.Text.Json;
using CancelGen.AgentWeb.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CancelGen.AgentWeb.Tests;

/// <summary>The sample driven in headless Chromium: what a user does, and what the server then holds.</summary>
[Trait("Category", "Browser")]
public sealed class BrowserTests
{
    [Fact]
    public async Task Stop_during_the_tool_calls_ends_the_run_cancelled_with_no_tracked_task_left()
    {
        await using var server = await SampleServer.StartAsync();
        await using var browser = await BrowserSession.OpenAsync(server.Url);
        var page = browser.Page;

        await page.Locator("#prompt").FillAsync("Umbrella for Paris or Oslo?");
        await page.Locator("#send").ClickAsync();
        await ClockDriver.AdvanceUntilAsync(server.Time, SampleServer.Chunk,
            async () => await page.Locator("#answer").TextContentAsync() is { } text && text.Contains("Let me check", StringComparison.Ordinal), "the first words");
        await ToolCallsRunningAsync(server, page);

        await page.Locator("#stop").ClickAsync();

        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "cancelled");
        var state = await ServerStateAsync(server, page);
        Assert.Equal(RegisteredRunStatus.Cancelled, state.Status);
        Assert.Empty(state.TrackedTasks);
        await Expect(page.Locator("#tools li[data-state=running]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#stop")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Stop_after_this_turn_in_a_tool_turn_lets_the_tool_calls_finish_then_stops()
    {
        await using var server = await SampleServer.StartAsync();
        await using var browser = await BrowserSession.OpenAsync(server.Url);
        var page = browser.Page;

        await page.Locator("#send").ClickAsync();
        await ToolCallsRunningAsync(server, page);

        await ClickAcknowledgedAsync(page, page.Locator("#stop-after-turn"), "/cancel?mode=afterTurn");
        await RunToEndAsync(server, page);

        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(page.Locator("#tools li[data-state=done]")).ToHaveCountAsync(2);
        await Expect(page.Locator("#tools li[data-call-id=call-weather-paris]")).ToContainTextAsync("18°C, sunny");
        await Expect(page.Locator("#tools li[data-call-id=call-weather-oslo]")).ToContainTextAsync("6°C, rain");
        await Expect(page.Locator("#answer")).Not.ToContainTextAsync("Paris:");
        var state = await ServerStateAsync(server, page);
        Assert.Equal(RegisteredRunStatus.Cancelled, state.Status);
        Assert.Equal(1, state.Turn);
        Assert.Empty(state.TrackedTasks);
    }

    [Fact]
    public async Task Reloading_mid_stream_continues_the_same_text_without_repeats_or_gaps()
    {
        await using var server = await SampleServer.StartAsync();
        await using var browser = await BrowserSession.OpenAsync(server.Url);
        var page = browser.Page;

        await page.Locator("#send").ClickAsync();
        await ClockDriver.AdvanceUntilAsync(server.Time, SampleServer.Chunk,
            async () => await page.Locator("#answer").TextContentAsync() is { } text && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4, "four words");
        var before = await page.Locator("#answer").TextContentAsync();
        var runUrl = page.Url;

        await page.ReloadAsync();

        Assert.Equal(runUrl, page.Url);
        await Expect(page.Locator("#answer")).ToHaveTextAsync(before!);
        await RunToEndAsync(server, page);
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "completed");
        var shown = await page.Locator("#answer").TextContentAsync();
        Assert.StartsWith(before!, shown, StringComparison.Ordinal);
        Assert.Equal(await ServerTextAsync(server, RunId(page)), shown);
        Assert.Contains("Take the umbrella to Oslo", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_one_tool_call_lets_the_run_go_on_with_a_cancelled_result()
    {
        await using var server = await SampleServer.StartAsync();
        await using var browser = await BrowserSession.OpenAsync(server.Url);
        var page = browser.Page;

        await page.Locator("#send").ClickAsync();
        await ToolCallsRunningAsync(server, page);

        await ClickAcknowledgedAsync(page, page.Locator("#tasks li .cancel-task").First, "/tasks/");
        await RunToEndAsync(server, page);
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "completed");

        await Expect(page.Locator("#tools li[data-state=cancelled]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#tools li[data-state=cancelled]")).ToContainTextAsync("was cancelled");
        await Expect(page.Locator("#answer")).ToContainTextAsync("Take the umbrella");
    }

    [Fact]
    public async Task Pause_holds_the_text_and_resume_lets_it_go_on()
    {
        await using var server = await SampleServer.StartAsync();
        await using var browser = await BrowserSession.OpenAsync(server.Url);
        var page = browser.Page;

        await page.Locator("#send").ClickAsync();
        await ClockDriver.AdvanceUntilAsync(server.Time, SampleServer.Chunk,
            async () => (await page.Locator("#answer").TextContentAsync() ?? "").Length > 0, "the first word");
        await ClickAcknowledgedAsync(page, page.Locator("#pause"), "/pause");
        await Expect(page.Locator("#pause")).ToHaveTextAsync("Resume");
        Assert.True((await ServerStateAsync(server, page)).IsPaused);

        await ClickAcknowledgedAsync(page, page.Locator("#pause"), "/resume");
        await Expect(page.Locator("#pause")).ToHaveTextAsync("Pause");
        await RunToEndAsync(server, page);
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "completed");
        Assert.False((await ServerStateAsync(server, page)).IsPaused);
    }

    /// <summary>
    /// Moves the clock a word at a time until the page lists the first turn's two tool calls, then (clock still) until
    /// its live task list shows both calls running: a tool call lasts far longer than the steps that reach it.
    /// </summary>
    private static async Task ToolCallsRunningAsync(SampleServer server, IPage page)
    {
        await ClockDriver.AdvanceUntilAsync(server.Time, SampleServer.Chunk,
            async () => await page.Locator("#tools li[data-state=running]").CountAsync() == 2, "two tool calls");
        await Expect(page.Locator("#tasks li[data-state=running]")).ToHaveCountAsync(2);
    }

    /// <summary>Clicks <paramref name="button"/> and waits for the server's 200 to the control call it makes.</summary>
    private static Task ClickAcknowledgedAsync(IPage page, ILocator button, string route) =>
        page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            response => response.Url.Contains(route, StringComparison.Ordinal) && response.Status == 200);

    /// <summary>Moves the clock a tool call at a time until the page shows the run ended.</summary>
    private static Task RunToEndAsync(SampleServer server, IPage page) =>
        ClockDriver.AdvanceUntilAsync(server.Time, SampleServer.ToolLatency,
            async () => await page.Locator("#status").GetAttributeAsync("data-status") != "running", "the end of the run");

    private static string RunId(IPage page) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["run"] ?? throw new Xunit.Sdk.XunitException($"No run id in {page.Url}.");

    private static async Task<RegisteredRunState> ServerStateAsync(SampleServer server, IPage page)
    {
        var run = await server.Runs.FindAsync(RunId(page)) ?? throw new Xunit.Sdk.XunitException("The server holds no such run.");
        return await run.GetStateAsync();
    }

    /// <summary>The whole answer text as the server logged it: every text content of every event, from event 1.</summary>
    private static async Task<string> ServerTextAsync(SampleServer server, string id)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        await using var stream = await client.GetStreamAsync($"/runs/{id}/events");
        var text = new System.Text.StringBuilder();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            if (item.EventType == "end")
            {
                break;
            }

            using var update = JsonDocument.Parse(item.Data);
            foreach (var content in update.RootElement.GetProperty("contents").EnumerateArray())
            {
                if (content.GetProperty("$type").GetString() == "text")
                {
                    text.Append(content.GetProperty("text").GetString());
                }
            }
        }

        return text.ToString();
    }
}

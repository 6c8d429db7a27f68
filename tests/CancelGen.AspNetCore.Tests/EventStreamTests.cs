using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace CancelGen.AspNetCore.Tests;

public sealed class EventStreamTests
{
    [Fact]
    public async Task Events_are_numbered_frames_named_by_runtime_type_and_end_with_the_status()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.Emit(new TextDelta("Hello"), new ToolNote("get_weather", 2), new TextDelta("world"));
        run.Finish();

        var frames = await SseClient.ReadToEndAsync(client, id);

        Assert.Equal(["TextDelta", "ToolNote", "TextDelta", "end"], frames.Select(f => f.EventType));
        Assert.Equal(["1", "2", "3", ""], frames.Select(f => f.EventId ?? ""));
        Assert.Equal("""{"text":"Hello"}""", frames[0].Data);
        Assert.Equal("""{"toolName":"get_weather","callCount":2}""", frames[1].Data);
        using var end = JsonDocument.Parse(frames[3].Data);
        Assert.Equal("completed", end.RootElement.GetProperty("status").GetString());
        Assert.Equal(id, end.RootElement.GetProperty("id").GetString());
        Assert.Equal(0, end.RootElement.GetProperty("trackedTasks").GetArrayLength());
    }

    [Fact]
    public async Task Several_readers_each_get_every_event()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 3);

        var first = SseClient.ReadToEndAsync(client, id);
        var second = SseClient.ReadToEndAsync(client, id);
        await app.Logs.WaitForAsync(22, id);
        run.EmitTexts(4, 3);
        run.Finish();

        string[] expected = ["1", "2", "3", "4", "5", "6"];
        Assert.Equal(expected, (await first).Where(f => f.EventType != "end").Select(f => f.EventId));
        Assert.Equal(expected, (await second).Where(f => f.EventType != "end").Select(f => f.EventId));
    }

    [Fact]
    public async Task Last_event_id_header_resumes_after_a_cut_connection_without_duplicates_or_gaps()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 5);

        var before = await SseClient.ReadAndCutAsync(client, id, 3);
        await app.Logs.WaitForAsync(23, id);
        Assert.Equal(RunStatus.Running, run.Handle.Status);
        run.EmitTexts(6, 2);
        run.Finish();
        var after = await SseClient.ReadToEndAsync(client, id, lastEventIdHeader: before[^1].EventId);

        var texts = before.Concat(after).Where(f => f.EventType == "TextDelta").Select(f => f.Data).ToList();
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $$"""{"text":"t{{i}}"}"""), texts);
        Assert.Equal(["4", "5", "6", "7"], after.Where(f => f.EventType != "end").Select(f => f.EventId));
    }

    [Fact]
    public async Task LastEventId_query_resumes_a_new_EventSource_and_the_header_wins_over_it()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 4);
        run.Finish();
        await app.Logs.WaitForAsync(3, id);

        var byQuery = await SseClient.ReadToEndAsync(client, id, query: "?lastEventId=2");
        var headerWins = await SseClient.ReadToEndAsync(client, id, lastEventIdHeader: "3", query: "?lastEventId=1");

        Assert.Equal(["3", "4"], byQuery.Where(f => f.EventType != "end").Select(f => f.EventId));
        Assert.Equal(["4"], headerWins.Where(f => f.EventType != "end").Select(f => f.EventId));
    }

    [Fact]
    public async Task Resuming_at_the_last_event_of_an_ended_run_gives_only_the_end_frame()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 2);
        run.Finish();
        await SseClient.ReadToEndAsync(client, id);

        var frames = await SseClient.ReadToEndAsync(client, id, lastEventIdHeader: "2");

        var end = Assert.Single(frames);
        Assert.Equal("end", end.EventType);
    }

    [Fact]
    public async Task A_reader_behind_the_bounded_log_is_told_of_the_gap_then_continues()
    {
        await using var app = await TestApp.StartAsync(o => o.EventLogCapacity = 3);
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 6);
        run.Finish();
        await app.Logs.WaitForAsync(3, id);

        var frames = await SseClient.ReadToEndAsync(client, id, lastEventIdHeader: "1");

        Assert.Equal(["gap", "TextDelta", "TextDelta", "TextDelta", "end"], frames.Select(f => f.EventType));
        Assert.Equal("""{"from":2,"to":3}""", frames[0].Data);
        Assert.Equal(["3", "4", "5", "6"], frames.Take(4).Select(f => f.EventId));
    }

    [Fact]
    public async Task Event_text_with_newlines_and_data_prefixes_cannot_break_the_framing()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        const string hostile = "line one\n\nevent: end\ndata: {\"status\":\"completed\"}\r\nid: 99\n\ndata: injected";
        run.Emit(new TextDelta(hostile), new TextDelta("after"));
        run.Finish();

        var frames = await SseClient.ReadToEndAsync(client, id);

        Assert.Equal(["TextDelta", "TextDelta", "end"], frames.Select(f => f.EventType));
        Assert.Equal(["1", "2"], frames.Take(2).Select(f => f.EventId));
        Assert.Equal(hostile, JsonSerializer.Deserialize<TextDelta>(frames[0].Data, JsonSerializerOptions.Web)!.Text);
    }

    [Fact]
    public async Task Event_data_uses_the_apps_json_options_and_the_status_json_stays_camel_case()
    {
        await using var app = await TestApp.StartAsync(build: builder =>
            builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower));
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.Emit(new ToolNote("get_weather", 1));
        run.Finish();

        var frames = await SseClient.ReadToEndAsync(client, id);

        Assert.Equal("""{"tool_name":"get_weather","call_count":1}""", frames[0].Data);
        Assert.DoesNotContain("$type", frames[0].Data, StringComparison.Ordinal);
        Assert.StartsWith("""{"id":""", frames[^1].Data, StringComparison.Ordinal);
        Assert.Contains("\"isPaused\":false", frames[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serializer_options_set_in_StreamingRunsOptions_win_over_the_apps()
    {
        await using var app = await TestApp.StartAsync(o => o.SerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper });
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.Emit(new ToolNote("x", 1));
        run.Finish();

        var frames = await SseClient.ReadToEndAsync(client, id);

        Assert.Equal("""{"TOOL-NAME":"x","CALL-COUNT":1}""", frames[0].Data);
    }

    [Fact]
    public async Task A_faulted_run_ends_its_stream_with_status_faulted()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        run.EmitTexts(1, 1);
        run.Fail("model exploded");

        var frames = await SseClient.ReadToEndAsync(client, id);

        Assert.Equal(["TextDelta", "end"], frames.Select(f => f.EventType));
        Assert.Contains("\"status\":\"faulted\"", frames[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_that_cannot_be_serialized_stops_the_run_as_faulted()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Client();
        var (run, id) = await app.StartRunAsync(client);
        await run.StartTaskAsync("lookup");
        run.Emit(new Unserializable());

        var frames = await SseClient.ReadToEndAsync(client, id);

        Assert.Contains("\"status\":\"faulted\"", frames[^1].Data, StringComparison.Ordinal);
        Assert.Empty(run.Handle.TrackedTasks);
        Assert.Contains(app.Logs.Entries, e => e.EventId == 4 && e.Message.Contains(id, StringComparison.Ordinal));
    }

    /// <summary>An event whose serialization throws.</summary>
    public sealed class Unserializable
    {
        public string Value => throw new InvalidOperationException("not serializable");
    }
}

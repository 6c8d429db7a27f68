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
}

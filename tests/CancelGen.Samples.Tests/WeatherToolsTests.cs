using AgentConsole.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace CancelGen.Samples.Tests;

/// <summary>The sample's tools as AIFunctions: they answer, honour their token, and log each call.</summary>
public class WeatherToolsTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Get_weather_answers_after_its_latency_and_is_logged_as_completed()
    {
        var time = new FakeTimeProvider();
        var tools = new WeatherTools(Latency, time);
        var getWeather = Function(tools, "get_weather");

        var call = getWeather.InvokeAsync(new AIFunctionArguments { ["city"] = "Paris" }).AsTask();
        await tools.Log.WhenStarted("get_weather").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(call.IsCompleted);
        time.Advance(Latency);

        Assert.Equal("18°C, sunny", (await call.WaitAsync(TimeSpan.FromSeconds(10)))?.ToString());
        var record = Assert.Single(tools.Log.Calls);
        Assert.Equal(("get_weather", "Paris", ToolCallOutcome.Completed), (record.Tool, record.Argument, record.Outcome));
    }

    [Fact]
    public async Task Cancelling_the_token_stops_get_forecast_at_once_and_logs_it_as_cancelled()
    {
        var tools = new WeatherTools(Latency, new FakeTimeProvider());
        var getForecast = Function(tools, "get_forecast");
        using var cts = new CancellationTokenSource();

        var call = getForecast.InvokeAsync(new AIFunctionArguments { ["city"] = "Oslo", ["day"] = "tomorrow" }, cts.Token).AsTask();
        await tools.Log.WhenStarted("get_forecast").WaitAsync(TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(ToolCallOutcome.Cancelled, Assert.Single(tools.Log.CallsOf("get_forecast")).Outcome);
    }

    [Fact]
    public async Task The_log_gate_opens_only_once_the_given_number_of_calls_of_that_tool_started()
    {
        var log = new ToolCallLog();
        var secondWeather = log.WhenStarted("get_weather", count: 2);

        log.Started("get_weather", "Paris");
        log.Started("get_forecast", "Oslo, tomorrow");
        Assert.False(secondWeather.IsCompleted);
        log.Started("get_weather", "Oslo");

        await secondWeather.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(log.WhenStarted("get_weather", count: 2).IsCompleted);
    }

    private static AIFunction Function(WeatherTools tools, string name) =>
        tools.AsAITools().OfType<AIFunction>().Single(f => f.Name == name);
}

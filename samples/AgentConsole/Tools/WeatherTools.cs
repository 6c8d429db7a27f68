using System.ComponentModel;
using Microsoft.Extensions.AI;

namespace AgentConsole.Tools;

/// <summary>
/// Offline weather tools with the latency of real ones. Each honours its token: a cancelled call stops
/// at once and is logged as cancelled.
/// </summary>
/// <param name="latency">How long a lookup takes.</param>
/// <param name="timeProvider">The clock the latency runs on.</param>
internal sealed class WeatherTools(TimeSpan latency, TimeProvider timeProvider)
{
    /// <summary>Every call made so far.</summary>
    public ToolCallLog Log { get; } = new();

    /// <summary>The tools as functions a chat client can call (<c>get_weather</c>, <c>get_forecast</c>).</summary>
    public IList<AITool> AsAITools() =>
    [
        AIFunctionFactory.Create(GetWeatherAsync, "get_weather", "The current weather in a city."),
        AIFunctionFactory.Create(GetForecastAsync, "get_forecast", "The forecast for a city on a given day."),
    ];

    /// <summary>The current weather in <paramref name="city"/>.</summary>
    [Description("The current weather in a city.")]
    public Task<string> GetWeatherAsync([Description("The city")] string city, CancellationToken cancellationToken) =>
        LookUpAsync("get_weather", city, city switch
        {
            "Paris" => "18°C, sunny",
            "Oslo" => "6°C, rain",
            _ => "no station there",
        }, cancellationToken);

    /// <summary>The forecast for <paramref name="city"/> on <paramref name="day"/>.</summary>
    [Description("The forecast for a city on a given day.")]
    public Task<string> GetForecastAsync([Description("The city")] string city, [Description("The day, e.g. tomorrow")] string day, CancellationToken cancellationToken) =>
        LookUpAsync("get_forecast", $"{city}, {day}", city == "Oslo" ? "clearing up, 9°C" : "dry, 20°C", cancellationToken);

    private async Task<string> LookUpAsync(string tool, string argument, string answer, CancellationToken cancellationToken)
    {
        var record = Log.Started(tool, argument);
        try
        {
            await Task.Delay(latency, timeProvider, cancellationToken).ConfigureAwait(false);
            record.Outcome = ToolCallOutcome.Completed;
            return answer;
        }
        catch (OperationCanceledException)
        {
            record.Outcome = ToolCallOutcome.Cancelled;
            throw;
        }
    }
}

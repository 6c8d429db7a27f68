namespace AgentConsole.Agent;

/// <summary>Offline tools with the latency of real ones. Each honours its token.</summary>
public sealed class WeatherTools(TimeSpan latency)
{
    private int _callsStarted;
    private int _callsEnded;

    /// <summary>How many tool calls have started.</summary>
    public int CallsStarted => Volatile.Read(ref _callsStarted);

    /// <summary>How many tool calls have ended (returned or cancelled).</summary>
    public int CallsEnded => Volatile.Read(ref _callsEnded);

    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/>.</summary>
    public async Task<string> CallAsync(string tool, string arguments, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _callsStarted);
        try
        {
            await Task.Delay(latency, cancellationToken);
            return (tool, arguments) switch
            {
                ("get_weather", "Paris") => "18°C, sunny",
                ("get_weather", "Oslo") => "6°C, rain",
                ("get_forecast", _) => "clearing, 9°C",
                _ => "unknown",
            };
        }
        finally
        {
            Interlocked.Increment(ref _callsEnded);
        }
    }
}

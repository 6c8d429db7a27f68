namespace AgentConsole.Model;

/// <summary>The scripted model's answer to a weather question: look up two cities, then a forecast, then answer.</summary>
internal static class WeatherScript
{
    /// <summary>The question the script answers.</summary>
    public const string Question = "Should I take an umbrella to Paris or Oslo?";

    /// <summary>The call id of the Paris weather lookup.</summary>
    public const string ParisCall = "call-weather-paris";

    /// <summary>The call id of the Oslo weather lookup.</summary>
    public const string OsloCall = "call-weather-oslo";

    /// <summary>The call id of the Oslo forecast lookup.</summary>
    public const string ForecastCall = "call-forecast-oslo";

    /// <summary>Three responses: two weather calls in parallel, one forecast call, the answer.</summary>
    public static IReadOnlyList<ScriptedResponse> Responses { get; } =
    [
        new(
            _ => "Let me check the weather in both cities at once.",
            [
                new(ParisCall, "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" }),
                new(OsloCall, "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" }),
            ]),
        new(
            results => $" Paris: {results[ParisCall]}. Oslo: {results[OsloCall]}. Let me look at tomorrow in Oslo.",
            [new(ForecastCall, "get_forecast", new Dictionary<string, object?> { ["city"] = "Oslo", ["day"] = "tomorrow" })]),
        new(
            results => $" Oslo tomorrow: {results[ForecastCall]}. Take the umbrella to Oslo; Paris stays dry.",
            []),
    ];
}

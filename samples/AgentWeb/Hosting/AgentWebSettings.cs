namespace AgentWeb.Hosting;

/// <summary>What the sample's host is built from: command-line choices and, for tests, the clock and content root.</summary>
internal sealed record AgentWebSettings
{
    /// <summary>How long each streamed word of the offline model takes.</summary>
    public TimeSpan Chunk { get; init; } = TimeSpan.FromMilliseconds(90);

    /// <summary>How long each tool call takes (long enough to press its Cancel button).</summary>
    public TimeSpan ToolLatency { get; init; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>The URL to listen on; <see langword="null"/> keeps ASP.NET Core's own configuration (<c>--urls</c>, <c>ASPNETCORE_URLS</c>).</summary>
    public string? Url { get; init; }

    /// <summary>The clock the model, the tools and the run lifetimes use.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The folder holding <c>wwwroot</c>; <see langword="null"/> = the current directory (what <c>dotnet run</c> gives).</summary>
    public string? ContentRoot { get; init; }

    /// <summary>The settings for <paramref name="args"/>: <c>--port N</c> listens on <c>http://127.0.0.1:N</c>; the rest goes to ASP.NET Core.</summary>
    public static AgentWebSettings FromArgs(IReadOnlyList<string> args)
    {
        var settings = new AgentWebSettings();
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--port")
            {
                if (!int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port > 65535)
                {
                    throw new ArgumentException($"--port takes a port number from 0 to 65535, not '{args[i + 1]}'.", nameof(args));
                }

                settings = settings with { Url = $"http://127.0.0.1:{port}" };
            }
        }

        return settings;
    }
}

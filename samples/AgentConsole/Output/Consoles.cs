using Spectre.Console;

namespace AgentConsole.Output;

/// <summary>The Spectre consoles the sample writes to.</summary>
internal static class Consoles
{
    /// <summary>A terminal: colours, cursor movement and live updates as the terminal supports them.</summary>
    public static IAnsiConsole Terminal() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
        Out = new AnsiConsoleOutput(Console.Out),
    });

    /// <summary>How wide a log line may get before Spectre wraps it: wide enough that a verdict stays on one line.</summary>
    private const int LogWidth = 200;

    /// <summary>
    /// A log (CI, a pipe, a test): plain text, no escape codes, no colours, no live redraws, lines not
    /// wrapped at 80 columns, written to whatever <see cref="Console.Out"/> is now.
    /// </summary>
    public static IAnsiConsole Log()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        console.Profile.Width = LogWidth;
        return console;
    }
}

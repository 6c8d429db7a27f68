using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CancelGen.Internal;

/// <summary>
/// Where a named run was started, for the report of an abandoned run. Only named runs pay for it: the
/// capture walks the caller's stack without file names (no symbol reading), and formatting waits until a
/// report needs it.
/// </summary>
internal sealed class RunStartSite
{
    /// <summary>How many frames a report shows: the start call and the code that led to it.</summary>
    private const int ReportedFrames = 12;

    private readonly StackTrace _stack;

    private RunStartSite(StackTrace stack)
    {
        _stack = stack;
    }

    /// <summary>
    /// Captures the stack of the code that called the public <c>Start</c> method calling this, when the run is
    /// named; <see langword="null"/> otherwise. Neither this method nor its callers are inlined, so the two
    /// frames skipped are exactly this method and that <c>Start</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static RunStartSite? CaptureForNamedRun(RunOptions? options) =>
        options?.Name is null ? null : new RunStartSite(new StackTrace(skipFrames: 2, fNeedFileInfo: false));

    /// <summary>The captured frames, innermost (the caller of <c>Start</c>) first, one per line.</summary>
    public string Describe()
    {
        var lines = _stack.ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(Environment.NewLine, lines.Take(ReportedFrames).Select(static line => line.Trim()));
    }
}

using CancelGen;

namespace AgentConsole.Output;

/// <summary>
/// Turns Ctrl+C into cancels: the first press asks <see cref="CancelMode.AfterTurn"/>, the second
/// <see cref="CancelMode.Immediate"/>; a third press is left to the system (ends the process), an
/// escape hatch should anything hang.
/// </summary>
internal sealed class CtrlCCanceller : IDisposable
{
    private readonly Action<CancelMode> _cancel;
    private int _presses;

    /// <summary>Starts listening for Ctrl+C until disposed.</summary>
    /// <param name="cancel">Called with the cancel mode a press asks for.</param>
    public CtrlCCanceller(Action<CancelMode> cancel)
    {
        _cancel = cancel;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>How many times Ctrl+C was pressed.</summary>
    public int Presses => Volatile.Read(ref _presses);

    /// <inheritdoc />
    public void Dispose() => Console.CancelKeyPress -= OnCancelKeyPress;

    /// <summary>
    /// Handles one press: the first cancels after the turn, the second cancels now. Returns whether the
    /// press was handled here (<see langword="false"/> from the third on: the process should end).
    /// </summary>
    public bool Press()
    {
        var press = Interlocked.Increment(ref _presses);
        if (press > 2)
        {
            return false;
        }

        _cancel(press == 1 ? CancelMode.AfterTurn : CancelMode.Immediate);
        return true;
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => e.Cancel = Press();
}

namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>
/// The language server did not get through a step of an editor session (no answer in time, a lost connection, an
/// error answer); the message carries the server's standard error and wire log.
/// </summary>
public sealed class EditorSessionFailedException : Exception
{
    /// <summary>Creates the exception for a failed step.</summary>
    /// <param name="step">What the session was doing.</param>
    /// <param name="serverDescription">The server's state, standard error and wire log (<see cref="LanguageServerProcess.Describe"/>).</param>
    /// <param name="innerException">What went wrong.</param>
    public EditorSessionFailedException(string step, string serverDescription, Exception innerException)
        : base($"The editor session failed at '{step}': {innerException?.Message}{Environment.NewLine}{serverDescription}", innerException)
    {
    }
}

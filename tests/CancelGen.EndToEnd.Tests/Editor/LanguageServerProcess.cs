using System.Diagnostics;
using System.Text;

namespace CancelGen.EndToEnd.Tests.Editor;

/// <summary>
/// A language server running as a child process: LSP on its standard input and output, its standard error kept
/// for failure messages. Disposing waits briefly for it to exit after <c>exit</c>, then kills its process tree.
/// </summary>
public sealed class LanguageServerProcess : IAsyncDisposable
{
    /// <summary>How long a server may take to exit by itself after the <c>exit</c> notification.</summary>
    public static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly StringBuilder _standardError = new();

    private LanguageServerProcess(Process process, string wireLogPath)
    {
        _process = process;
        WireLogPath = wireLogPath;
    }

    /// <summary>The server's standard input: where the client writes its messages.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The server's standard output: where the client reads the server's messages.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>The file the server writes every message it reads and writes to (its wire log), for failure messages.</summary>
    public string WireLogPath { get; }

    /// <summary>Whether the server has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server.</summary>
    /// <param name="startInfo">The command; standard input, output and error must be redirected.</param>
    /// <param name="wireLogPath">The wire log the command tells the server to write.</param>
    /// <exception cref="ArgumentException">A standard stream is not redirected.</exception>
    public static LanguageServerProcess Start(ProcessStartInfo startInfo, string wireLogPath)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        if (!startInfo.RedirectStandardInput || !startInfo.RedirectStandardOutput || !startInfo.RedirectStandardError)
        {
            throw new ArgumentException("A language server needs its standard input, output and error redirected.", nameof(startInfo));
        }

        var process = new Process { StartInfo = startInfo };
        var server = new LanguageServerProcess(process, wireLogPath);
        process.ErrorDataReceived += (_, e) => server.AppendError(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// The server's exit state, the end of its standard error and the end of its wire log: what a failure message
    /// needs to show why the server did not answer as expected.
    /// </summary>
    /// <param name="maxCharsEach">How much of the end of each text to keep.</param>
    public string Describe(int maxCharsEach = 12_000)
    {
        string standardError;
        lock (_standardError)
        {
            standardError = _standardError.ToString();
        }

        var wireLog = ReadWireLog();
        var state = _process.HasExited ? $"exited with {_process.ExitCode}" : "still running";
        return $"""
            Language server ({state}); standard error (end):
            {Tail(standardError, maxCharsEach)}
            Wire log {WireLogPath} (end):
            {Tail(wireLog, maxCharsEach)}
            """;
    }

    /// <summary>Waits up to <see cref="ExitGrace"/> for the server to exit, then kills whatever of it is left.</summary>
    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private void AppendError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_standardError)
        {
            _standardError.AppendLine(line);
        }
    }

    private string ReadWireLog()
    {
        try
        {
            // The server still has the file open for writing.
            using var stream = new FileStream(WireLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException e)
        {
            return $"(not readable: {e.Message})";
        }
    }

    private static string Tail(string text, int maxChars) =>
        text.Length <= maxChars ? text : "..." + text[^maxChars..];
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CancelGen.AspNetCore.Tests.Support;

/// <summary>Captures the app's logs and lets a test wait for a given log entry (the server's own signal, no sleeps).</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Seen)> _waiters = [];

    /// <summary>Every entry so far.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Completes with the first entry (past or future) with <paramref name="eventId"/> whose message contains <paramref name="text"/>.</summary>
    public Task<LogEntry> WaitForAsync(int eventId, string text)
    {
        bool Match(LogEntry entry) => entry.EventId == eventId && entry.Message.Contains(text, StringComparison.Ordinal);
        lock (_gate)
        {
            var seen = _entries.FirstOrDefault(Match);
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            var waiter = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Match, waiter));
            return waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        List<TaskCompletionSource<LogEntry>> seen;
        lock (_gate)
        {
            _entries.Add(entry);
            seen = [.. _waiters.Where(w => w.Match(entry)).Select(w => w.Seen)];
            _waiters.RemoveAll(w => w.Match(entry));
        }

        seen.ForEach(s => s.TrySetResult(entry));
    }

    /// <summary>One log entry.</summary>
    public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message);

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}

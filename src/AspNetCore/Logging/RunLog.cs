using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CancelGen.Logging;

/// <summary>The request-level and lifetime logs of the HTTP runs (source-generated, no allocation when off).</summary>
internal static partial class RunLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Run {RunId} added (owner {Owner}, event type {EventType})")]
    public static partial void RunAdded(this ILogger logger, string runId, string owner, string eventType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Run refused: owner {Owner} already has {Limit} live runs")]
    public static partial void RunRefused(this ILogger logger, string owner, int limit);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Run {RunId} ended {Status} after {EventCount} events")]
    public static partial void RunEnded(this ILogger logger, string runId, RegisteredRunStatus status, long eventCount);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Run {RunId} stopped: its events could not be served")]
    public static partial void RunPumpFailed(this ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Run {RunId} cancelled: nobody read it for {Timeout}")]
    public static partial void RunDetachedTimeout(this ILogger logger, string runId, TimeSpan timeout);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Run {RunId} dropped after its retention time")]
    public static partial void RunDropped(this ILogger logger, string runId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Shutting down: cancelling {Count} live runs")]
    public static partial void ShutdownCancelling(this ILogger logger, int count);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Shutdown timeout reached with {Count} runs not yet ended")]
    public static partial void ShutdownTimedOut(this ILogger logger, int count);

    [LoggerMessage(EventId = 9, Level = LogLevel.Debug, Message = "Run {RunId} ended; kept for {Retention}")]
    public static partial void RunRetained(this ILogger logger, string runId, TimeSpan retention);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "{Method} {Path}: run {RunId} -> {StatusCode}")]
    public static partial void RequestAnswered(this ILogger logger, string method, PathString path, string runId, int statusCode);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "{Method} {Path}: {StatusCode} {Reason}")]
    public static partial void RequestRejected(this ILogger logger, string method, PathString path, int statusCode, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Debug, Message = "Run {RunId}: reader attached after event {AfterEventId}")]
    public static partial void ReaderAttached(this ILogger logger, string runId, long afterEventId);

    [LoggerMessage(EventId = 23, Level = LogLevel.Debug, Message = "Run {RunId}: reader left ({How})")]
    public static partial void ReaderLeft(this ILogger logger, string runId, string how);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Run {RunId}: cancel ({Mode}) requested over HTTP")]
    public static partial void CancelRequested(this ILogger logger, string runId, CancelMode mode);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Run {RunId}: reader disconnected, cancelling (DisconnectPolicy.Cancel)")]
    public static partial void DisconnectCancels(this ILogger logger, string runId);
}

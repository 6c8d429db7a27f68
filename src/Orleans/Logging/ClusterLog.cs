using Microsoft.Extensions.Logging;

namespace CancelGen.Logging;

/// <summary>The cluster registry's log messages (category: the type that logs).</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Run {RunId} was owned by instance {OwnerSilo}, which went away; instance {Silo} records it as lost.")]
    public static partial void RunLost(ILogger logger, string runId, string ownerSilo, Orleans.Runtime.SiloAddress silo);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Run {RunId} did not end before the shutdown deadline; its end is not recorded (other instances will answer lost).")]
    public static partial void RunShutdownTimedOut(ILogger logger, string runId);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Error, Message = "Run {RunId}: recording its end failed.")]
    public static partial void RunRecordFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Information, Message = "Run {RunId} added on instance {Silo}.")]
    public static partial void RunAttached(ILogger logger, string runId, Orleans.Runtime.SiloAddress silo);

    [LoggerMessage(EventId = 1708, Level = LogLevel.Error, Message = "Run {RunId} could not be recorded in its grain on this instance; the run is cancelled.")]
    public static partial void RunNotAttached(ILogger logger, Exception? exception, string runId);

    [LoggerMessage(EventId = 1709, Level = LogLevel.Error, Message = "Instance shutting down: cancelling or recording some of its runs failed.")]
    public static partial void ShutdownFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1705, Level = LogLevel.Information, Message = "Instance shutting down: cancelling its {Count} live runs.")]
    public static partial void ShutdownCancelling(ILogger logger, int count);

    [LoggerMessage(EventId = 1706, Level = LogLevel.Debug, Message = "Run {RunId}: its grain could not be reached; asking again.")]
    public static partial void OwnerUnreachable(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 1707, Level = LogLevel.Information, Message = "Run {RunId}: the event stream from its grain was cut after event {Cursor}; checking the run.")]
    public static partial void StreamCut(ILogger logger, string runId, long cursor);
}

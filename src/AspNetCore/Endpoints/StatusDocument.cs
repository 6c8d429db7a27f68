using System.Text.Json;
using System.Text.Json.Serialization;

namespace CancelGen.Endpoints;

/// <summary>The status JSON: <c>{"id","status","turn","isPaused","trackedTasks":[{"id","name","status"}]}</c>.</summary>
internal sealed record StatusDocument(string Id, string Status, int Turn, bool IsPaused, IReadOnlyList<TaskDocument> TrackedTasks)
{
    /// <summary>The document for <paramref name="state"/>.</summary>
    public static StatusDocument From(RegisteredRunState state)
    {
        var tasks = new TaskDocument[state.TrackedTasks.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var task = state.TrackedTasks[i];
            tasks[i] = new TaskDocument(task.Id, task.Name, task.Status == TrackedTaskStatus.Running ? "running" : "cancellationRequested");
        }

        return new StatusDocument(state.Id, StatusName(state.Status), state.Turn, state.IsPaused, tasks);
    }

    /// <summary>The document for <paramref name="state"/> as JSON text.</summary>
    public static string Serialize(RegisteredRunState state) => JsonSerializer.Serialize(From(state), StatusJsonContext.Default.StatusDocument);

    private static string StatusName(RegisteredRunStatus status) => status switch
    {
        RegisteredRunStatus.Running => "running",
        RegisteredRunStatus.Completed => "completed",
        RegisteredRunStatus.Cancelled => "cancelled",
        RegisteredRunStatus.Faulted => "faulted",
        RegisteredRunStatus.Lost => "lost",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown RegisteredRunStatus."),
    };
}

/// <summary>One tracked task in the status JSON.</summary>
internal sealed record TaskDocument(long Id, string Name, string Status);

/// <summary>The status JSON's fixed shape (camelCase whatever the app's options say).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StatusDocument))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CancelGen.Endpoints;

/// <summary>The problem-details answers of the run endpoints.</summary>
internal static class RunProblems
{
    /// <summary>404: no such run, or a run of another user (the same answer, so ids leak nothing).</summary>
    public static ProblemHttpResult RunNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found", detail: $"There is no run '{id}'.");

    /// <summary>404: the run has no live tracked task with that id.</summary>
    public static ProblemHttpResult TaskNotFound(string runId, long taskId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Task not found", detail: $"Run '{runId}' has no live tracked task {taskId}.");

    /// <summary>400: malformed input.</summary>
    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    /// <summary>429: the user has too many live runs.</summary>
    public static ProblemHttpResult TooManyRuns(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many runs", detail: detail);
}

using CancelGen.Logging;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CancelGen.Endpoints;

/// <summary>Answers a <see cref="TooManyRunsException"/> thrown by an app's endpoint with 429 and a problem-details body (under <c>app.UseExceptionHandler()</c>).</summary>
internal sealed class TooManyRunsExceptionHandler(ILoggerFactory loggerFactory) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TooManyRunsException tooMany)
        {
            return false;
        }

        var problem = RunProblems.TooManyRuns(tooMany.Message);
        loggerFactory.CreateLogger(RunEndpoints.LogCategory)
            .RequestRejected(httpContext.Request.Method, httpContext.Request.Path, problem.StatusCode, problem.ProblemDetails.Title ?? string.Empty);
        await problem.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}

using System.Runtime.ExceptionServices;

namespace CancelGen.Internal;

/// <summary>What a tracked function call ended with: a result, or the exception the function threw.</summary>
internal readonly struct FunctionCallOutcome
{
    private readonly object? _result;
    private readonly ExceptionDispatchInfo? _exception;

    private FunctionCallOutcome(object? result, ExceptionDispatchInfo? exception)
    {
        _result = result;
        _exception = exception;
    }

    public static FunctionCallOutcome Returned(object? result) => new(result, null);

    public static FunctionCallOutcome Threw(Exception exception) => new(null, ExceptionDispatchInfo.Capture(exception));

    /// <summary>Returns the result, or rethrows the function's exception with its original stack.</summary>
    public object? GetResult()
    {
        _exception?.Throw();
        return _result;
    }
}

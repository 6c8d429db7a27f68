namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>A <c>dotnet</c> command that was expected to succeed exited with a non-zero code.</summary>
public sealed class DotnetCommandFailedException : Exception
{
    /// <summary>Creates the exception for a failed command; the message carries the command's whole output.</summary>
    /// <param name="result">The failed command.</param>
    public DotnetCommandFailedException(DotnetResult result)
        : base(result.Describe()) => Result = result;

    /// <summary>The failed command.</summary>
    public DotnetResult Result { get; }
}

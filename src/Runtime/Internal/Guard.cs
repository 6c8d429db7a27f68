namespace CancelGen.Internal;

/// <summary>Argument checks that read the same on every target framework.</summary>
internal static class Guard
{
    public static void NotNull(object? argument, string parameterName)
    {
#if NET8_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(argument, parameterName);
#else
        if (argument is null)
        {
            throw new ArgumentNullException(parameterName);
        }
#endif
    }
}

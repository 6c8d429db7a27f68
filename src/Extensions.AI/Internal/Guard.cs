namespace CancelGen.Internal;

/// <summary>Argument checks that read the same on every target framework.</summary>
internal static class Guard
{
    public static void NotNull(object? argument, string parameterName)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(parameterName);
        }
    }
}

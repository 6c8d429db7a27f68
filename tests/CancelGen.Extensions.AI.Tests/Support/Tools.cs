namespace CancelGen.Extensions.AI.Tests.Support;

/// <summary>Tools made with <see cref="AIFunctionFactory"/> that stop at a gate.</summary>
public static class Tools
{
    /// <summary>A tool that waits at <paramref name="gate"/> (honouring its token), then returns <paramref name="result"/>.</summary>
    public static AIFunction Gated(string name, Gate gate, string result) =>
        AIFunctionFactory.Create(
            async (CancellationToken cancellationToken) =>
            {
                await gate.PassAsync(cancellationToken);
                return result;
            },
            name);

    /// <summary>A tool that waits at <paramref name="gate"/> without looking at its token.</summary>
    public static AIFunction IgnoringToken(string name, Gate gate, string result) =>
        AIFunctionFactory.Create(
            async () =>
            {
                await gate.PassIgnoringTokenAsync();
                return result;
            },
            name);

    /// <summary>A tool that returns at once.</summary>
    public static AIFunction Returning(string name, string result) =>
        AIFunctionFactory.Create(() => result, name);

    /// <summary>A tool that throws.</summary>
    public static AIFunction Throwing(string name, Exception exception) =>
        AIFunctionFactory.Create(string () => throw exception, name);
}

using Microsoft.Extensions.Time.Testing;

namespace CancelGen.AgentWeb.Tests.Support;

/// <summary>Moves the sample's fake clock one step at a time until the page shows what the test waits for.</summary>
internal static class ClockDriver
{
    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> until <paramref name="reached"/> holds. Between steps it
    /// lets the server and the page catch up (a step that lands before the next timer is set only delays it by one step).
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan step, Func<Task<bool>> reached, string what, int maxSteps = 1500)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (await reached())
            {
                return;
            }

            time.Advance(step);
            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"The page never showed {what} after {maxSteps} clock steps of {step}.");
    }
}

using AgentConsole.Output;

namespace CancelGen.Samples.Tests;

/// <summary>Ctrl+C in the live demo: once after the turn, twice now, then the system's own handling.</summary>
public class CtrlCCancellerTests
{
    [Fact]
    public void First_press_cancels_after_the_turn_second_cancels_now_third_is_left_to_the_system()
    {
        var asked = new List<CancelMode>();
        using var keys = new CtrlCCanceller(asked.Add);

        Assert.True(keys.Press());
        Assert.True(keys.Press());
        Assert.False(keys.Press());

        Assert.Equal([CancelMode.AfterTurn, CancelMode.Immediate], asked);
        Assert.Equal(3, keys.Presses);
    }
}

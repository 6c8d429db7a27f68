namespace CancelGen.Chaos.Tests.Harness;

/// <summary>One action of a scenario: what, and how long its thread waits before doing it (yields, or milliseconds when <see cref="Sleeps"/>).</summary>
internal readonly record struct ChaosAction(ChaosActionKind Kind, int Delay, bool Sleeps)
{
    /// <summary>Whether the action stops the run (or may, when it lands in time).</summary>
    public bool Stops => Kind is ChaosActionKind.Cancel or ChaosActionKind.CancelAfterTurn or ChaosActionKind.CancelAsync
        or ChaosActionKind.DisposeAsync or ChaosActionKind.StartToken or ChaosActionKind.LinkedTimeout;

    /// <summary>Whether the action drops undelivered events when it stops the run.</summary>
    public bool StopsDelivery => Kind is ChaosActionKind.Cancel or ChaosActionKind.CancelAsync
        or ChaosActionKind.DisposeAsync or ChaosActionKind.StartToken or ChaosActionKind.LinkedTimeout;

    public override string ToString() => $"{Kind}@{Delay}{(Sleeps ? "ms" : "y")}";
}

namespace CancelGen.Chaos.Tests.Harness;

/// <summary>A failure a chaos run throws on purpose (from a tool, the run's code or the scripted model).</summary>
public sealed class ChaosFailureException(string message) : Exception(message);

/// <summary>An invariant a chaos run broke.</summary>
public sealed class InvariantViolationException(string message) : Exception(message);

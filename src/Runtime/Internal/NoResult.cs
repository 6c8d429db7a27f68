namespace CancelGen.Internal;

/// <summary>The result type of a tracked task that has none.</summary>
internal readonly struct NoResult;

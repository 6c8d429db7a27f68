namespace CancelGen.Chaos.Tests.Harness;

/// <summary>A chaos run as the driver sees it, whatever its shape.</summary>
/// <param name="Run">The handle.</param>
/// <param name="FinalOutput">The final output, for the shapes that have one.</param>
/// <param name="CheckRecorded">Checks the recorded events against what the shape produces; returns a violation or <see langword="null"/>.</param>
/// <param name="Settle">Releases what the shape holds until the scenario settles (the scripted model's gates).</param>
internal sealed record StartedRun<TEvent>(
    RunResultStreaming<TEvent> Run,
    Task? FinalOutput,
    Func<IReadOnlyList<TEvent>, RunStatus, string?> CheckRecorded,
    Action Settle);

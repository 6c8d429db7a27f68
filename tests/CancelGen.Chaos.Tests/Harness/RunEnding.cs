namespace CancelGen.Chaos.Tests.Harness;

/// <summary>Everything the invariants look at once a chaos run has ended.</summary>
internal sealed record RunEnding<TEvent>(
    ChaosScenario Scenario,
    ChaosRecorder Recorder,
    RunResultStreaming<TEvent> Run,
    ChaosConsumer<TEvent> Consumer,
    Exception? CompletionError,
    RunProgress<TEvent> Progress,
    StartedRun<TEvent> Started,
    IEqualityComparer<TEvent> Comparer);

using Orleans;

namespace CancelGen.Grains;

/// <summary>What <see cref="IRunGrain.FindAsync"/> answers: whose run it is.</summary>
/// <param name="Owner">The user the run belongs to, or <see langword="null"/> for an anonymous run.</param>
[GenerateSerializer, Immutable]
internal sealed record RunInfo([property: Id(0)] string? Owner);

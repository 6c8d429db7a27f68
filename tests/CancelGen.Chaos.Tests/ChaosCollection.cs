namespace CancelGen.Chaos.Tests;

/// <summary>The chaos and memory tests load the whole process (thread pool, GC): they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection
{
    public const string Name = "Chaos";
}

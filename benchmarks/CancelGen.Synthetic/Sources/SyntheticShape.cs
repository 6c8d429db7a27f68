namespace CancelGen.Synthetic.Sources;

/// <summary>The size of a synthetic project: how many files, and how many marked methods or loops in each.</summary>
/// <param name="Files">The number of source files (N; the rows use 100 and 1,000).</param>
/// <param name="PerFile">Marked methods per file (M) for the generator projects; <c>await foreach</c> loops per file for the loop project.</param>
public sealed record SyntheticShape(int Files, int PerFile)
{
    /// <summary>The total number of marked methods or loops: <see cref="Files"/> x <see cref="PerFile"/>.</summary>
    public int Total => checked(Files * PerFile);

    /// <summary>Throws when either count is not positive.</summary>
    /// <returns>This shape.</returns>
    public SyntheticShape Validate()
    {
        if (Files <= 0 || PerFile <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Files), $"A synthetic project needs at least one file and one item per file (got {Files} files, {PerFile} per file).");
        }

        return this;
    }
}

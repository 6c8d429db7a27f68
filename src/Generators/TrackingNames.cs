namespace CancelGen.Generators;

/// <summary>Names given to the generator's pipeline steps, so tests can check what the driver cached.</summary>
public static class TrackingNames
{
    /// <summary>The <c>ForAttributeWithMetadataName</c> transform: one parse result per <c>[StreamingRun]</c> target.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The models of the valid targets, one per wrapper to emit.</summary>
    public const string Models = nameof(Models);

    /// <summary>The models grouped by containing type, one per generated file.</summary>
    public const string Types = nameof(Types);

    /// <summary>The diagnostics of the invalid targets, one per mistake.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The trees that have diagnostics, paired with them for reporting at source locations.</summary>
    public const string DiagnosticsByTree = nameof(DiagnosticsByTree);
}

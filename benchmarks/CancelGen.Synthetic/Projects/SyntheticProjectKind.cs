namespace CancelGen.Synthetic.Projects;

/// <summary>Which synthetic project to write.</summary>
public enum SyntheticProjectKind
{
    /// <summary>
    /// The generator row: N files of <c>[StreamingRun]</c> methods and N files of as many <c>[LoggerMessage]</c>
    /// methods in one project, so both generators run in the same build; the CancelGen generator and the
    /// Microsoft.Extensions.Logging generator are attached, no analyzer.
    /// </summary>
    Generators,

    /// <summary>
    /// The analyzer row: N files of <c>await foreach</c> loops; the CancelGen analyzers and Meziantou.Analyzer
    /// (only MA0079 and MA0080 switched on) are attached, and the CancelGen generator the loops' marked methods need.
    /// </summary>
    Loops,
}

namespace CancelGen.Synthetic.Projects;

/// <summary>The peers' packages, at the versions that restore on this machine (see the toolchain notes).</summary>
public static class PeerPackages
{
    /// <summary>The package whose <c>analyzers/</c> folder ships the <c>[LoggerMessage]</c> generator.</summary>
    public const string LoggingAbstractions = "Microsoft.Extensions.Logging.Abstractions";

    /// <summary>The version of <see cref="LoggingAbstractions"/>.</summary>
    public const string LoggingAbstractionsVersion = "10.0.13";

    /// <summary>The analyzer package of the MA0079/MA0080 peer.</summary>
    public const string Meziantou = "Meziantou.Analyzer";

    /// <summary>The version of <see cref="Meziantou"/>.</summary>
    public const string MeziantouVersion = "3.0.321";

    /// <summary>The Meziantou analyzer type that reports MA0079 and MA0080 (and MA0032/MA0040, switched off here).</summary>
    public const string MeziantouLoopAnalyzer = "Meziantou.Analyzer.Rules.UseAnOverloadThatHasCancellationTokenAnalyzer";

    /// <summary>The type name of the Microsoft.Extensions.Logging generator.</summary>
    public const string LoggerMessageGenerator = "Microsoft.Extensions.Logging.Generators.LoggerMessageGenerator";

    /// <summary>The type name of CancelGen's generator.</summary>
    public const string StreamingRunGenerator = "CancelGen.Generators.StreamingRunGenerator";

    /// <summary>The prefix of CancelGen's analyzer types (CG0001–CG0004).</summary>
    public const string CancelGenAnalyzerNamespace = "CancelGen.Analyzers.Rules.";
}

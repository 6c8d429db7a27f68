using Microsoft.CodeAnalysis;

namespace CancelGen.Analyzers;

/// <summary>The descriptors of the CancelGen usage analyzers (CG0001-CG0004).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Reliability";

    public static readonly DiagnosticDescriptor RunNotDisposed = new(
        RuleIds.RunNotDisposed,
        title: "Dispose or cancel a run you enumerate",
        messageFormat: "Run '{0}' is enumerated but not disposed or cancelled on every path out of the loop: leaving the loop leaves the run going. Declare it with 'await using', or call Cancel() in a finally.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Leaving an 'await foreach' over StreamEvents() only detaches the consumer: the run keeps going, spending tokens and doing side effects. Dispose the run ('await using') or cancel it on every path out of the loop.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.RunNotDisposed));

    public static readonly DiagnosticDescriptor RunDiscarded = new(
        RuleIds.RunDiscarded,
        title: "Do not throw a run away",
        messageFormat: "The run returned by '{0}' is thrown away: it keeps going with no one to stop it. Keep it with 'await using var run = ...'.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A run starts at once and goes on until it ends or is cancelled. A handle that is discarded, or stored and never used, can never be cancelled or disposed.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.RunDiscarded));

    public static readonly DiagnosticDescriptor BackgroundWorkEscapes = new(
        RuleIds.BackgroundWorkEscapes,
        title: "Track background work started by a run",
        messageFormat: "'{0}' starts work that escapes the run: cancelling or disposing the run will not stop it. Pass it to RunContext.Track(...) or start it with RunContext.Run(...).",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Inside a [StreamingRun] method, work started with Task.Run, Task.Factory.StartNew, new Thread, ThreadPool.QueueUserWorkItem or an un-awaited task-returning call is not owned by the run: it outlives a cancel and its failures are lost.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.BackgroundWorkEscapes));

    public static readonly DiagnosticDescriptor TokenNotPassed = new(
        RuleIds.TokenNotPassed,
        title: "Pass the run's cancellation token",
        messageFormat: "'{0}' can take a CancellationToken but is not given the run's token: cancelling the run will not stop it. Pass '{1}'.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Inside a [StreamingRun] method, calls that accept a CancellationToken should receive the run's token (its CancellationToken parameter or RunContext.CancellationToken) so that a cancel reaches them.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.TokenNotPassed));
}

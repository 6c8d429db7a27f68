using CancelGen.Synthetic;

// Writes a synthetic consumer project, or writes it, builds it with -p:ReportAnalyzer=true and prints the
// per-generator / per-analyzer times (docs/performance.md, "Build-time cost"). Usage: see CommandLine.Usage.
return await CommandLine.RunAsync(args).ConfigureAwait(false);

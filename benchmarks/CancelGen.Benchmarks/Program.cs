using BenchmarkDotNet.Running;

// Runtime rows, quick mode (under 3 minutes; one process per benchmark, no --inProcess: see docs/performance.md):
//                               dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter 'CancelGen.Benchmarks.Runtime.*' --job short --warmupCount 1
// Analyzer cost (about 2 minutes; 10 iterations, the compilations are noisy):
//                               dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*AnalyzerCost*' --job short --inProcess --iterationCount 10
// Hostile-input scaling (time at n and 2n statements / nesting / marked methods; several minutes):
//                               dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*HostileInputScaling*' --inProcess --warmupCount 2 --iterationCount 3
// Build-time rows, generator per method vs [LoggerMessage] at N = 100 and 1,000 files (about 4 minutes):
//                               dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*GeneratorCost*' --job short --inProcess
// Build-time rows, CG0001-CG0004 vs MA0079/MA0080 on 1,000 loops (a few minutes):
//                               dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*LoopAnalyzer*' --job short --inProcess
// (the same rows measured by real builds with -p:ReportAnalyzer=true: benchmarks/CancelGen.Synthetic, see docs/performance.md)
// Everything:                   dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using BenchmarkDotNet.Running;

// Quick look (a few minutes):   dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*' --job short
// Analyzer cost (about 2 minutes; 10 iterations, the compilations are noisy):
//                               dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*AnalyzerCost*' --job short --inProcess --iterationCount 10
// Hostile-input scaling (time at n and 2n statements / nesting / marked methods; several minutes):
//                               dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*HostileInputScaling*' --inProcess --warmupCount 2 --iterationCount 3
// Everything:                   dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

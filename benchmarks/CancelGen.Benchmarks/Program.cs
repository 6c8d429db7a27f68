using BenchmarkDotNet.Running;

// Quick look (a few minutes):   dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*' --job short
// Analyzer cost (about 2 minutes; 10 iterations, the compilations are noisy):
//                               dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*AnalyzerCost*' --job short --inProcess --iterationCount 10
// Everything:                   dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

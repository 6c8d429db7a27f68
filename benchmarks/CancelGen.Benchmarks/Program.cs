using BenchmarkDotNet.Running;

// Quick look (about a minute):  dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*' --job short
// Everything:                   dotnet run -c Release --project benchmarks/CancelGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

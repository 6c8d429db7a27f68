using BenchmarkDotNet.Running;

// Runs across a cluster vs one instance (about 2 minutes):
//   dotnet run -c Release --project benchmarks/CancelGen.Cluster.Benchmarks -- --filter '*' --job short --inProcess
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

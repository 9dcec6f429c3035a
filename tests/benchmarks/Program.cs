using BenchmarkDotNet.Running;
using Trading.Benchmarks;

// In process: BenchmarkDotNet's generated out-of-process project does not restore here (MassTransit's
// Microsoft.Extensions.Hosting.Abstractions downgrade is an error under TreatWarningsAsErrors).
string[] arguments = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(FrameParserBenchmarks).Assembly).Run(arguments);

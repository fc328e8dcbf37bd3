using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: no generated project to build per run, so a full run takes about two minutes.
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15);
BenchmarkSwitcher.FromAssembly(typeof(Firewall.Bench.Classifier.Samples).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));

using System.Diagnostics;
using System.Globalization;
using Firewall.Bench.Hosting;
using Firewall.Bench.Scenarios;

namespace Firewall.Bench.Profiling;

/// <summary>
/// Samples the API's thread stacks with <c>dotnet-trace collect --profile dotnet-sampled-thread-time</c> for the run's
/// measured duration, after its warm-up, and summarises the trace (<see cref="ThreadTimeSummary"/>). The trace file is
/// kept beside the results file, for PerfView or <c>dotnet-trace report</c>.
/// </summary>
public static class StackProfiler
{
    /// <summary>Load beyond the traced time, so the tool's own start (seconds on a loaded machine) never leaves the trace idle.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    public static async Task<StackProfile> TraceAsync(BenchContext context, ApiSession api, string variant)
    {
        await Task.Delay(context.Timing.Warmup);
        if (api.ProcessId is not { } pid)
        {
            return StackProfile.Unavailable(variant, "the API was not started by this run (--url): nothing to attach to");
        }

        if (DotnetTrace.Find() is not { } tool)
        {
            return StackProfile.Unavailable(variant, "dotnet-trace is not installed (dotnet tool install -g dotnet-trace)");
        }

        var output = Path.GetFullPath(context.Options.OutputPath);
        var slug = string.Join('-', variant.Split([' ', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries));
        var file = Path.Combine(Directory.CreateDirectory(Path.GetDirectoryName(output)!).FullName, $"{Path.GetFileNameWithoutExtension(output)}-{slug}.nettrace");
        var seconds = TimeSpan.FromSeconds(Math.Max(1, Math.Floor(context.Timing.Duration.TotalSeconds)));
        context.Progress.Note(string.Create(CultureInfo.InvariantCulture, $"profiling {variant} for {seconds.TotalSeconds:0} s: {file}"));
        try
        {
            await ServerProcess.RunToEndAsync(new ProcessStartInfo(tool,
            [
                "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
                "--duration", seconds.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", file,
            ]));
        }
        catch (InvalidOperationException failed)
        {
            // the measurements stand without their profile; the report says why it is missing
            return StackProfile.Unavailable(variant, failed.Message.ReplaceLineEndings(" "));
        }

        return ThreadTimeSummary.Read(file, variant);
    }
}

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
        var slug = new string([.. variant.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        var file = Path.Combine(Path.GetDirectoryName(output)!, $"{Path.GetFileNameWithoutExtension(output)}-{slug}.nettrace");
        var seconds = TimeSpan.FromSeconds(Math.Max(1, Math.Floor(context.Timing.Duration.TotalSeconds)));
        context.Progress.Note(string.Create(CultureInfo.InvariantCulture, $"profiling {variant} for {seconds.TotalSeconds:0} s: {file}"));
        await ServerProcess.RunToEndAsync(new ProcessStartInfo(tool,
        [
            "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
            "--duration", seconds.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", file,
        ]));
        return ThreadTimeSummary.Read(file, variant);
    }
}

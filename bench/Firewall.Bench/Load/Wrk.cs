using System.Diagnostics;
using System.Globalization;

namespace Firewall.Bench.Load;

/// <summary>
/// wrk (the C load generator) driving GETs, when it is installed: it spends far less of the shared cores per request
/// than the .NET driver, which is itself the limit for large pages. Warm-up is a run of its own whose figures are dropped.
/// </summary>
public sealed class Wrk(string executable)
{
    public const string Name = "wrk";

    /// <summary>wrk's threads: one per core of this 2-core machine, never more than the connections.</summary>
    private const int MaxThreads = 2;

    /// <summary>wrk from PATH, or null when it is not installed (then the .NET driver runs).</summary>
    public static Wrk? OnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, Name))
            .FirstOrDefault(File.Exists) is { } path ? new Wrk(path) : null;

    /// <summary>Sends GETs of <paramref name="paths"/> in turn over <paramref name="connections"/> kept-alive connections.</summary>
    public async Task<LoadOutcome> RunAsync(
        string name, Uri baseAddress, string? bearer, IReadOnlyList<string> paths, int connections, LoadTiming timing, ProgressLine progress)
    {
        var script = Path.Combine(Path.GetTempPath(), $"fw-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, WrkScript.For(paths));
        try
        {
            if (timing.Warmup > TimeSpan.Zero)
            {
                await RunOnceAsync($"{name} (warm-up)", baseAddress, bearer, script, connections, timing.Warmup, progress);
            }

            return WrkSummary.Parse(await RunOnceAsync(name, baseAddress, bearer, script, connections, timing.Duration, progress));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private async Task<string> RunOnceAsync(string name, Uri baseAddress, string? bearer, string script, int connections, TimeSpan duration, ProgressLine progress)
    {
        // wrk takes whole seconds; its default 2 s timeout would count a slow page as an error, the .NET client waits 60 s
        var seconds = Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])
            [$"-t{Math.Min(MaxThreads, connections)}", $"-c{connections}", F($"-d{seconds}s"), "--timeout", "60s", "-s", script])
        {
            start.ArgumentList.Add(argument);
        }

        if (bearer is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: Bearer {bearer}");
        }

        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        var exited = process.WaitForExitAsync();
        while (await Task.WhenAny(exited, Task.Delay(500)) != exited)
        {
            progress.Show(F($"{name,-28} {watch.Elapsed.TotalSeconds,5:0}/{seconds}s (wrk)"));
        }

        progress.Done();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }

        return await output;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

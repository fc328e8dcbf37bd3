using System.Diagnostics;

namespace Firewall.Bench.Reports;

/// <summary>What the figures were measured on and at: CPU count and model, memory, and the commit.</summary>
public sealed record Machine(int Cores, string CpuModel, double MemoryGiB, string Commit, DateTimeOffset At)
{
    public static Machine Describe(string repositoryRoot) => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? "unknown",
        ProcLine("/proc/meminfo", "MemTotal") is { } total ? double.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture) / (1024 * 1024) : 0,
        Git(repositoryRoot, "rev-parse", "--short", "HEAD") + (Git(repositoryRoot, "status", "--porcelain", "--untracked-files=no").Length > 0 ? " (with uncommitted changes)" : ""),
        DateTimeOffset.UtcNow);

    private static string? ProcLine(string path, string key) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;

    private static string Git(string folder, params string[] arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

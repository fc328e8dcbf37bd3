using System.Globalization;

namespace Firewall.Bench.Hosting;

/// <summary>Reads a process's peak resident set (VmHWM in /proc/PID/status): what the kernel saw, GC heaps and all.</summary>
public static class PeakRss
{
    public static long Of(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null)
        {
            return 0;
        }

        var kib = line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim();
        return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
    }
}

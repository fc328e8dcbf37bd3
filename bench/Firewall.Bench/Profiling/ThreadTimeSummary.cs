using Microsoft.Diagnostics.Tracing.Etlx;

namespace Firewall.Bench.Profiling;

/// <summary>
/// Reads a dotnet-sampled-thread-time trace: every managed thread's stack about every 10 ms, waiting or not. A sample
/// whose top frames are a wait (<see cref="IdleFrames"/>) is idle; the rest are busy, and each frame's share is the
/// fraction of busy samples it appears in (inclusive) or is on top of (exclusive).
/// </summary>
public static class ThreadTimeSummary
{
    private const string SampleProvider = "Microsoft-DotNETCore-SampleProfiler";
    private const int Top = 25;

    public static StackProfile Read(string nettrace, string variant)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(nettrace);
        try
        {
            using var log = new TraceLog(etlx);
            var stacks = log.Events
                .Where(e => e.ProviderName == SampleProvider)
                .Select(e => Frames(e.CallStack()))
                .Where(frames => frames.Count > 0);
            return Summarise(stacks, variant, nettrace);
        }
        finally
        {
            File.Delete(etlx);
        }
    }

    /// <summary>The shares of busy samples, from stacks listed top frame first; plumbing (<see cref="PlumbingFrames"/>) is not ranked inclusive.</summary>
    public static StackProfile Summarise(IEnumerable<IReadOnlyList<string>> stacks, string variant, string? traceFile)
    {
        var inclusive = new Dictionary<string, long>(StringComparer.Ordinal);
        var exclusive = new Dictionary<string, long>(StringComparer.Ordinal);
        var reachedFrom = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        long busy = 0, idle = 0;
        foreach (var frames in stacks)
        {
            if (IdleFrames.IsWaiting(frames))
            {
                idle++;
                continue;
            }

            busy++;
            Count(exclusive, frames[0]);
            if (PlumbingFrames.FirstOwn(frames) is { } own)
            {
                Count(reachedFrom.TryGetValue(frames[0], out var callers) ? callers : reachedFrom[frames[0]] = new(StringComparer.Ordinal), own);
            }

            foreach (var frame in frames.Where(frame => !PlumbingFrames.Contains(frame)).Distinct(StringComparer.Ordinal))
            {
                Count(inclusive, frame);
            }
        }

        string? Via(string frame) => reachedFrom.TryGetValue(frame, out var callers) ? callers.MaxBy(c => c.Value).Key : null;
        return new StackProfile(
            variant, traceFile, busy, idle,
            [.. Ranked(inclusive).Select(c => new FrameShare(c.Key, c.Value / (double)busy))],
            [.. Ranked(exclusive).Select(c => new FrameShare(c.Key, c.Value / (double)busy, Via(c.Key)))]);
    }

    private static void Count(Dictionary<string, long> counts, string frame) => counts[frame] = counts.GetValueOrDefault(frame) + 1;

    private static IEnumerable<KeyValuePair<string, long>> Ranked(Dictionary<string, long> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(Top);

    /// <summary>Method names, top first, without parameter lists; an unresolved frame is its module.</summary>
    private static List<string> Frames(TraceCallStack? stack)
    {
        var frames = new List<string>();
        for (; stack is not null; stack = stack.Caller)
        {
            var method = stack.CodeAddress.FullMethodName;
            var name = string.IsNullOrEmpty(method) ? $"[native {stack.CodeAddress.ModuleName}]".Replace(" ]", "]", StringComparison.Ordinal) : method;
            var parameters = name.IndexOf('(', StringComparison.Ordinal);
            frames.Add(parameters > 0 ? name[..parameters] : name);
        }

        return frames;
    }
}

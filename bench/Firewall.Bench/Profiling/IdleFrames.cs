namespace Firewall.Bench.Profiling;

/// <summary>
/// Whether a sampled thread was waiting rather than working: the thread-time profile samples blocked threads too (the
/// thread pool's idle workers, the socket engine's epoll wait, timers), and those would swamp every share.
/// </summary>
public static class IdleFrames
{
    /// <summary>Parts of the method names threads wait in, as the runtime names them on Linux.</summary>
    private static readonly string[] Waits =
    [
        "LowLevelLifoSemaphore.Wait", "LowLevelMonitor.Wait", "LowLevelSpinWaiter.Wait", "WaitHandle.Wait", "Monitor.Wait",
        "Thread.Sleep", "Thread.Join", "WaitForSocketEvents", "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "Task.InternalWait",
        "Task.Wait", "Task.SpinThenBlockingWait", "WaitSubsystem", "PortableThreadPool+GateThread.GateThreadStart", "Interop+Sys.Read",
        "Interop+Sys.Poll", "Interop+Sys.WaitPid",
    ];

    /// <summary>How far below the top frame a wait may sit (an interop stub or a wrapper above it).</summary>
    private const int Depth = 4;

    public static bool IsWaiting(IReadOnlyList<string> frames)
    {
        for (var i = 0; i < Math.Min(Depth, frames.Count); i++)
        {
            foreach (var wait in Waits)
            {
                if (frames[i].Contains(wait, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

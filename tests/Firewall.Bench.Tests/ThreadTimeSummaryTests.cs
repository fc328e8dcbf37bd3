using Firewall.Bench.Profiling;

namespace Firewall.Bench.Tests;

public sealed class ThreadTimeSummaryTests
{
    private const string Start = "System.Threading.Thread.StartCallback";
    private const string Classify = "Firewall.Core.Classification.EventClassifier.Classify";
    private const string Prepare = "Firewall.Api.Ingest.IngestService.Prepare";
    private const string Regex = "System.Text.RegularExpressions.Regex.Match";

    [Fact]
    public void Waiting_threads_are_left_out_and_shares_are_of_busy_samples()
    {
        var profile = ThreadTimeSummary.Summarise(
        [
            [Regex, Classify, Prepare, Start],
            [Regex, Classify, Prepare, Start],
            [Prepare, Start],
            [Classify, Prepare, Start],
            ["System.Threading.LowLevelLifoSemaphore.WaitForSignal", "System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart", Start],
            ["Interop+Sys.WaitForSocketEvents", "System.Net.Sockets.SocketAsyncEngine.EventLoop", Start],
        ], "v", null);

        Assert.Equal(4, profile.BusySamples);
        Assert.Equal(2, profile.IdleSamples);
        Assert.Equal(new FrameShare(Prepare, 1.0), profile.Inclusive[0]);
        Assert.Equal(new FrameShare(Classify, 0.75), profile.Inclusive[1]);
        Assert.Equal(new FrameShare(Regex, 0.5, Via: Classify), profile.Exclusive[0]);
    }

    [Fact]
    public void Thread_pool_and_async_plumbing_is_not_ranked_inclusive()
    {
        var profile = ThreadTimeSummary.Summarise([[Classify, "System.Runtime.CompilerServices.AsyncMethodBuilderCore.Start", Start]], "v", null);

        Assert.Equal([Classify], profile.Inclusive.Select(f => f.Frame));
    }

    [Fact]
    public void A_frame_seen_twice_on_one_stack_counts_once()
    {
        var profile = ThreadTimeSummary.Summarise([[Classify, Classify, Prepare], [Prepare]], "v", null);

        Assert.Equal(0.5, profile.Inclusive.Single(f => f.Frame == Classify).Share);
    }
}

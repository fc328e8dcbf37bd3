namespace Firewall.Api.Benchmarking;

/// <summary>Says at start-up, as a warning, which stages this process skips: such a process must never serve real traffic.</summary>
public sealed class BenchmarkStagesNotice(SkippedStages skipped, ILogger<BenchmarkStagesNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "BENCHMARK HOST: stages switched off: {Skipped}. Events may be stored unclassified and unredacted, requests unauthenticated, "
            + "writes acknowledged without a commit. Never serve real traffic with {Setting} set", skipped, BenchmarkStages.SkipKey);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

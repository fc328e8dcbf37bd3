using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Firewall.Storage.Retention;

/// <summary>
/// Runs the provider's maintenance (partitions ahead, retention) at start-up, once the schema is ready, and every
/// <see cref="RetentionOptions.Interval"/>. A failed pass is logged and retried at the next tick: ingest never depends on it
/// (late and far-future events land in the default partition).
/// </summary>
internal sealed class StoreMaintenanceService(
    IStoreMaintenance maintenance, IOptions<RetentionOptions> options, TimeProvider time, ILogger<StoreMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await maintenance.RunAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Store maintenance failed; retrying in {Interval}", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Firewall.Storage.Data;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Firewall.Storage;

/// <summary>Prepares the store at start-up (WAL, migrations or the check that none is pending) and runs the batch writer loops of the process.</summary>
internal sealed class StoreHostedService(
    IServiceProvider services,
    IDbContextFactory<FirewallDbContext> factory,
    WriteQueue queue,
    BatchProcessor processor,
    IOptions<StorageOptions> options) : IHostedService
{
    private Task? loops;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = options.Value;
        if (store.Provider == StoreProvider.Sqlite)
        {
            // WAL lets readers run beside the writer; the mode is kept in the database file.
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken);
        }

        if (store.MigrateOnStartup ?? store.Provider == StoreProvider.Sqlite)
        {
            await services.MigrateFirewallStoreAsync(cancellationToken);
        }
        else
        {
            // Never serve on a schema older than the code: the migration Job has not run (or failed).
            await services.EnsureFirewallStoreMigratedAsync(cancellationToken);
        }

        var writers = store.Provider == StoreProvider.Sqlite ? 1 : store.Writers;
        loops = Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(RunAsync, CancellationToken.None)));
    }

    /// <summary>Stops accepting writes and waits until everything queued is written (or the host gives up waiting).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        if (loops is not null)
        {
            await loops.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync()
    {
        while (await queue.WaitAsync())
        {
            // Another writer may have taken what woke this one.
            if (queue.Take(options.Value.MaxBatchEvents) is { Count: > 0 } batch)
            {
                await processor.ProcessAsync(batch);
            }
        }
    }
}

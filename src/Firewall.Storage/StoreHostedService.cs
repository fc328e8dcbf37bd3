using Firewall.Storage.Data;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Firewall.Storage;

/// <summary>Prepares the store at start-up (WAL, migrations or the check that none is pending) and runs the one batch writer loop of the process.</summary>
internal sealed class StoreHostedService(
    IServiceProvider services,
    IDbContextFactory<FirewallDbContext> factory,
    WriteQueue queue,
    BatchProcessor processor,
    IOptions<StorageOptions> options) : IHostedService
{
    private Task? loop;

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

        loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Stops accepting writes and waits until everything queued is written (or the host gives up waiting).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync()
    {
        while (await queue.WaitAsync())
        {
            await processor.ProcessAsync(queue.Take(options.Value.MaxBatchEvents));
        }
    }
}

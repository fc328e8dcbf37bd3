using Firewall.Storage.Data;
using Firewall.Storage.Reading;
using Firewall.Storage.Writing;
using Firewall.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Firewall.Storage.Tests;

/// <summary>
/// A real, empty store per test, migrated by the hosted service as the API host wires it: a SQLite file in a fresh temp
/// folder, or a fresh database on the PostgreSQL server of scripts/services.sh. Test classes take the provider so one
/// test body runs on both and the providers cannot drift.
/// </summary>
public abstract class TestStore(StoreProvider provider) : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "firewall-tests", Guid.NewGuid().ToString("N"));
    private PostgresDatabase? postgres;
    private IHost? host;

    protected StoreProvider Provider => provider;

    protected IServiceProvider Services => host!.Services;

    /// <summary>False leaves the store empty, without the schema, and no host running: start-up tests build their own.</summary>
    protected virtual bool StartsMigrated => true;

    protected IEventWriter Writer => Services.GetRequiredService<IEventWriter>();

    protected IEventReader Reader => Services.GetRequiredService<IEventReader>();

    protected IDbContextFactory<FirewallDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<FirewallDbContext>>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        if (provider == StoreProvider.Postgres)
        {
            postgres = await PostgresDatabase.CreateAsync();
        }

        if (StartsMigrated)
        {
            host = BuildHost(Configuration());
            await host.StartAsync();
            await SeedAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Stops the host as a shutdown would; the services stay usable for assertions.</summary>
    protected Task StopHostAsync() => host!.StopAsync();

    /// <summary>A host on this test's store with <paramref name="configuration"/>, built but not started.</summary>
    protected IHost BuildHost(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(configuration);
        ConfigureServices(builder.Services);
        builder.AddFirewallStorage();
        return builder.Build();
    }

    /// <summary>The store's settings: the provider, its connection, and migrations at start-up on both providers.</summary>
    /// <remarks>Retention keeps ten years here: the fixed dates of the tests' events must not age out as the clock moves on.</remarks>
    protected virtual Dictionary<string, string?> Configuration() => postgres is null
        ? new() { ["Firewall:DataPath"] = "data", ["Firewall:Retention:Days"] = "3650" }
        : new()
        {
            ["Firewall:Store:Provider"] = "postgres",
            ["ConnectionStrings:Firewall"] = postgres.ConnectionString,
            ["Firewall:Store:MigrateOnStartup"] = "true",
            ["Firewall:Retention:Days"] = "3650",
        };

    /// <summary>Rows every test of a fixture starts with, loaded once the store has started.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}

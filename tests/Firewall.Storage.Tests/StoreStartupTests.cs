using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firewall.Storage.Tests;

/// <summary>Migrations at start-up, or (the production default on PostgreSQL) a refusal to start on a schema that lacks one.</summary>
public abstract class StoreStartupTests(StoreProvider provider) : TestStore(provider)
{
    protected override bool StartsMigrated => false;

    [Fact]
    public async Task With_MigrateOnStartup_the_store_starts_with_no_pending_migrations()
    {
        using var host = BuildHost(Configuration());
        await host.StartAsync();

        Assert.Empty(await host.Services.GetPendingFirewallMigrationsAsync(default));
        await host.StopAsync();
    }

    [Fact]
    public async Task Without_MigrateOnStartup_a_store_lacking_migrations_refuses_to_start_naming_them_and_the_fix()
    {
        using var host = BuildHost(WithoutMigrations());

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("InitialCreate", failure.Message, StringComparison.Ordinal);
        Assert.Contains("run the API with --migrate, as the migration Job does", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await TablesAsync(host.Services));
    }

    [Fact]
    public async Task After_the_migrate_command_the_store_starts_without_MigrateOnStartup()
    {
        using (var migrate = BuildHost(WithoutMigrations()))
        {
            // What `Firewall.Api --migrate` (the migration Job) runs: the built host's services, never started.
            await migrate.Services.MigrateFirewallStoreAsync(default);
        }

        using var host = BuildHost(WithoutMigrations());
        await host.StartAsync();

        Assert.Empty(await host.Services.GetPendingFirewallMigrationsAsync(default));
        Assert.Contains("events", await TablesAsync(host.Services));
        await host.StopAsync();
    }

    [Fact]
    public async Task By_default_only_sqlite_migrates_at_start_up()
    {
        var configuration = Configuration();
        configuration.Remove("Firewall:Store:MigrateOnStartup");
        using var host = BuildHost(configuration);

        var start = host.StartAsync();

        if (Provider == StoreProvider.Sqlite)
        {
            await start;
            await host.StopAsync();
        }
        else
        {
            Assert.Contains("--migrate", (await Assert.ThrowsAsync<InvalidOperationException>(() => start)).Message, StringComparison.Ordinal);
        }
    }

    private Dictionary<string, string?> WithoutMigrations()
    {
        var configuration = Configuration();
        configuration["Firewall:Store:MigrateOnStartup"] = "false";
        return configuration;
    }

    private async Task<List<string>> TablesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<FirewallDbContext>>().CreateDbContextAsync();
        var sql = Provider == StoreProvider.Sqlite
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}

public sealed class StoreStartupTestsOnSqlite() : StoreStartupTests(StoreProvider.Sqlite);

public sealed class StoreStartupTestsOnPostgres() : StoreStartupTests(StoreProvider.Postgres);

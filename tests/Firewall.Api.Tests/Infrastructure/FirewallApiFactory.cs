using System.Net.Http.Headers;
using Firewall.Core.Auth;
using Firewall.Storage;
using Firewall.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// The real API over HTTP on a fresh store (a SQLite file, or a PostgreSQL database with <see cref="PostgresApiFactory"/>),
/// in the Production environment (no development shortcuts), with the test signing key. Subclasses change configuration
/// per test class through <see cref="Settings"/>.
/// </summary>
public class FirewallApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "firewall-tests", Guid.NewGuid().ToString("N"));
    private PostgresDatabase? _postgres;

    protected virtual StoreProvider Provider => StoreProvider.Sqlite;

    /// <summary>The store's connection string; null for the default SQLite file in the data folder.</summary>
    public string? StoreConnectionString => _postgres?.ConnectionString;

    public async Task InitializeAsync()
    {
        if (Provider == StoreProvider.Postgres)
        {
            _postgres = await PostgresDatabase.CreateAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Firewall:DataPath", _dataPath);
        builder.UseSetting("Firewall:Store:MigrateOnStartup", "true");
        // Tests post events at fixed dates; retention must not remove them as real days pass.
        builder.UseSetting("Firewall:Retention:Days", "3650");
        builder.UseSetting("Firewall:Auth:SigningKey", Convert.ToBase64String(TestKeys.Trusted));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (_postgres is not null)
        {
            builder.UseSetting("Firewall:Store:Provider", "postgres");
            builder.UseSetting("ConnectionStrings:Firewall", _postgres.ConnectionString);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An HTTP client carrying a real bearer token for <paramref name="roles"/>.</summary>
    public HttpClient ClientFor(params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.TokenFor(roles));
        return client;
    }

    public HttpClient Agent() => ClientFor(Roles.Agent);

    public HttpClient Analyst() => ClientFor(Roles.Analyst);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataPath))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}

/// <summary>The same API on a fresh PostgreSQL database of the server scripts/services.sh started.</summary>
public class PostgresApiFactory : FirewallApiFactory
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

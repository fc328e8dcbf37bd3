using Firewall.Api.Tests.Infrastructure;
using Firewall.Storage;
using Firewall.Testing;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// The store an API process runs on across kills and restarts: a SQLite file in a data folder of its own, or a fresh
/// PostgreSQL database (migrated by the API at start). Disposing deletes the folder and drops the database.
/// </summary>
public sealed class ApiStore : IAsyncDisposable
{
    private readonly string _dataPath = ApiProcess.NewDataPath();
    private readonly PostgresDatabase? _database;

    private ApiStore(PostgresDatabase? database) => _database = database;

    public static async Task<ApiStore> CreateAsync(StoreProvider provider) =>
        new(provider == StoreProvider.Postgres ? await PostgresDatabase.CreateAsync() : null);

    /// <summary>Starts the API binary on this store with <paramref name="environment"/> added, and waits until it is ready.</summary>
    public Task<ServingApi> StartApiAsync(params (string Name, string Value)[] environment) =>
        ServingApi.RestartOnAsync(_dataPath, [.. StoreEnvironment(), .. environment]);

    /// <summary>Rows per event id, read from the store itself.</summary>
    public Task<Dictionary<Guid, int>> StoredEventsAsync() =>
        _database is null ? StoredEvents.InSqliteAsync(_dataPath) : StoredEvents.InPostgresAsync(_database.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private IEnumerable<(string, string)> StoreEnvironment() => _database is null
        ? []
        : [("Firewall__Store__Provider", "postgres"), ("ConnectionStrings__Firewall", _database.ConnectionString), ("Firewall__Store__MigrateOnStartup", "true")];
}

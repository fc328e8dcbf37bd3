using Firewall.Bench.Hosting;
using Firewall.Bench.Postgres;

namespace Firewall.Bench.Scenarios;

/// <summary>
/// One API under test: on a fresh PostgreSQL database (migrated with <c>--migrate</c>), on a fresh SQLite file, or the
/// running API of <c>--url</c>. Disposing stops the process and drops the database.
/// </summary>
public sealed class ApiSession : IAsyncDisposable
{
    private readonly ServerProcess? _process;
    private readonly BenchDatabase? _database;

    private ApiSession(Uri baseAddress, ServerProcess? process, BenchDatabase? database)
    {
        BaseAddress = baseAddress;
        _process = process;
        _database = database;
    }

    public Uri BaseAddress { get; }

    /// <summary>The API process's peak RSS so far, or null for an API this run did not start.</summary>
    public long? PeakRssBytes => _process?.PeakRssBytes;

    /// <summary>The API's process id, or null for an API this run did not start.</summary>
    public int? ProcessId => _process?.ProcessId;

    /// <param name="skipped">API stages switched off (<see cref="Stages"/>); none for the usual API.</param>
    public static async Task<ApiSession> OnPostgresAsync(BenchContext context, string purpose, bool withRedis, IReadOnlyList<string>? skipped = null)
    {
        if (context.Options.Url is { } url)
        {
            return new ApiSession(url, null, null);
        }

        var database = await context.Postgres.CreateDatabaseAsync(purpose);
        try
        {
            return await OnDatabaseAsync(context, database, withRedis, owned: true, skipped);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>An API on an existing database (the preloaded query set); the database outlives the session unless owned.</summary>
    public static async Task<ApiSession> OnDatabaseAsync(BenchContext context, BenchDatabase database, bool withRedis, bool owned, IReadOnlyList<string>? skipped = null)
    {
        await MigrateAsync(context, database);
        var store = new ApiStore("postgres", database.ConnectionString, withRedis ? context.Options.Redis : null);
        var process = await context.Api.StartAsync(store, context.NewFolder("api"), skipped);
        return new ApiSession(process.BaseAddress, process, owned ? database : null);
    }

    /// <summary>Applies the migrations as the Kubernetes Job does; a no-op when they are applied already.</summary>
    public static Task MigrateAsync(BenchContext context, BenchDatabase database) =>
        context.Api.MigrateAsync(new ApiStore("postgres", database.ConnectionString, null), context.NewFolder("migrate"));

    public static async Task<ApiSession> OnSqliteAsync(BenchContext context, IReadOnlyList<string>? skipped = null)
    {
        if (context.Options.Url is { } url)
        {
            return new ApiSession(url, null, null);
        }

        var dataPath = context.NewFolder("sqlite");
        var process = await context.Api.StartAsync(ApiStore.Sqlite(dataPath), dataPath, skipped);
        return new ApiSession(process.BaseAddress, process, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

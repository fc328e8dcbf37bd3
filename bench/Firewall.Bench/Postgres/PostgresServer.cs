using Npgsql;

namespace Firewall.Bench.Postgres;

/// <summary>The PostgreSQL server of the run: a fresh database per scenario, dropped afterwards.</summary>
public sealed class PostgresServer(string adminConnectionString)
{
    public async Task<BenchDatabase> CreateDatabaseAsync(string purpose)
    {
        var name = $"fw_bench_{purpose.Replace('-', '_')}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 200 }.ConnectionString;
        return new BenchDatabase(connection, () => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One scenario's database; dropping it closes the benchmark's own pooled connections first.</summary>
public sealed class BenchDatabase(string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public NpgsqlDataSource OpenDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await drop();
    }
}

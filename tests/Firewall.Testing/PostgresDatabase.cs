using Npgsql;

namespace Firewall.Testing;

/// <summary>A fresh, empty PostgreSQL database for one test fixture, dropped when disposed.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _name = $"fw_test_{Guid.NewGuid():N}";

    private PostgresDatabase()
    {
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase();
        await using (var admin = new NpgsqlConnection(TestServices.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database._name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        database.ConnectionString = new NpgsqlConnectionStringBuilder(TestServices.PostgresAdmin) { Database = database._name }.ConnectionString;
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServices.PostgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// The event ids a store holds, read straight from the database (not through the API), with how many rows each has:
/// the two invariants every fault test checks are "every acknowledged event is stored" and "one row per event id".
/// </summary>
public static class StoredEvents
{
    /// <summary>Rows per event id in the SQLite store of an API whose data folder is <paramref name="dataPath"/>.</summary>
    public static Task<Dictionary<Guid, int>> InSqliteAsync(string dataPath) =>
        ReadAsync(new SqliteConnection($"Data Source={Path.Combine(dataPath, "firewall.db")};Pooling=false"));

    /// <summary>Rows per event id in the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static Task<Dictionary<Guid, int>> InPostgresAsync(string connectionString) =>
        ReadAsync(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString));

    /// <summary>Fails, naming how many, when an acknowledged event is missing or an event id is stored more than once.</summary>
    public static void AssertHoldsEachOnce(IReadOnlyDictionary<Guid, int> stored, ICollection<Guid> acknowledged)
    {
        var lost = acknowledged.Count(id => !stored.ContainsKey(id));
        var doubled = stored.Count(pair => pair.Value > 1);
        Assert.True(lost == 0, $"{lost} of {acknowledged.Count} acknowledged events are not stored");
        Assert.True(doubled == 0, $"{doubled} event ids are stored more than once");
    }

    private static async Task<Dictionary<Guid, int>> ReadAsync(DbConnection connection)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT event_id, count(*) FROM events GROUP BY event_id";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new Dictionary<Guid, int>();
            while (await reader.ReadAsync())
            {
                var id = reader.GetValue(0) is Guid guid ? guid : Guid.Parse(reader.GetString(0));
                rows[id] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            }

            return rows;
        }
    }
}

using Npgsql;

namespace Firewall.Bench.Postgres;

/// <summary>
/// The <c>events</c> columns a writer must fill, read from information_schema rather than hard-coded, so the baselines
/// keep writing the same table when the store gains a column (a nullable or defaulted one is left to its default).
/// </summary>
public sealed record EventsTable(IReadOnlyList<EventsTable.Column> Columns)
{
    public sealed record Column(string Name, string DataTypeName);

    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    public static async Task<EventsTable> ReadAsync(NpgsqlDataSource database)
    {
        const string Sql = """
            SELECT column_name, udt_name, is_nullable = 'YES' OR column_default IS NOT NULL OR is_identity = 'YES'
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'events'
            ORDER BY ordinal_position
            """;
        var columns = new List<Column>();
        await using var command = database.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (name, type, optional) = (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2));
            if (StoredRow.Knows(name))
            {
                columns.Add(new Column(name, type));
            }
            else if (!optional)
            {
                throw new InvalidOperationException($"events.{name} is required and the benchmark has no value for it: teach StoredRow about it.");
            }
        }

        return columns.Count == 0 ? throw new InvalidOperationException("No events table: were the migrations applied?") : new EventsTable(columns);
    }
}

using Npgsql;

namespace Firewall.Bench.Postgres;

/// <summary>Binary COPY of rows into a table with the <c>events</c> columns: the bulk path and the raw baseline.</summary>
public static class EventCopier
{
    public static async Task CopyAsync(NpgsqlConnection connection, EventsTable table, string target, IEnumerable<StoredRow> rows, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync($"COPY {target} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (row[column.Name] is { } value)
                {
                    await import.WriteAsync(value, column.DataTypeName, cancellationToken);
                }
                else
                {
                    await import.WriteNullAsync(cancellationToken);
                }
            }
        }

        await import.CompleteAsync(cancellationToken);
    }
}

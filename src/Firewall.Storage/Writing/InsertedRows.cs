using System.Data.Common;

namespace Firewall.Storage.Writing;

/// <summary>Reads the <c>RETURNING id, event_id</c> rows of an insert.</summary>
internal static class InsertedRows
{
    public static async Task<Dictionary<Guid, long>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var inserted = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetGuid(1), reader.GetInt64(0));
        }

        return inserted;
    }
}

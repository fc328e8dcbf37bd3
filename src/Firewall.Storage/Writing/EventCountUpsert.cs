using System.Globalization;
using System.Text;
using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Writing;

/// <summary>
/// Adds the batch's events to the per-minute and per-hour rollups, in the batch's transaction and one round trip. The
/// SQL is the same on SQLite and PostgreSQL. Rows go in key order: concurrent writers lock the same rollup rows in the
/// same order, so the later one waits for the earlier one's commit instead of deadlocking.
/// </summary>
internal static class EventCountUpsert
{
    public static Task<int> ExecuteAsync(FirewallDbContext db, IReadOnlyList<EventRecord> created, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        var parameters = new List<object>();
        Append(sql, parameters, "event_counts", "minute", created, minute => minute);
        sql.Append("; ");
        Append(sql, parameters, "event_counts_hourly", "hour", created, minute => minute / UnixMinutes.PerHour);
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }

    private static void Append(StringBuilder sql, List<object> parameters, string table, string unit, IReadOnlyList<EventRecord> created, Func<long, long> unitOfMinute)
    {
        var rows = created
            .GroupBy(r => (Unit: unitOfMinute(UnixMinutes.Of(r.OccurredAt)), r.Severity))
            .OrderBy(g => g.Key)
            .Select(g => new object[] { g.Key.Unit, (short)g.Key.Severity, (long)g.Count() })
            .ToList();

        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} ({unit}, severity, \"count\") VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            var first = parameters.Count;
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{first}}}, {{{first + 1}}}, {{{first + 2}}})");
            parameters.AddRange(rows[i]);
        }

        sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({unit}, severity) DO UPDATE SET \"count\" = {table}.\"count\" + excluded.\"count\"");
    }
}

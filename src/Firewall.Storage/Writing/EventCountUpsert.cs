using System.Globalization;
using System.Text;
using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Writing;

/// <summary>Adds the batch's events to the per-minute rollup, in the batch's transaction. The SQL is the same on SQLite and PostgreSQL.</summary>
internal static class EventCountUpsert
{
    public static Task<int> ExecuteAsync(FirewallDbContext db, IReadOnlyList<EventRecord> created, CancellationToken cancellationToken)
    {
        var rows = created
            .GroupBy(r => (Minute: UnixMinutes.Of(r.OccurredAt), r.Severity))
            .Select(g => new object[] { g.Key.Minute, (short)g.Key.Severity, (long)g.Count() })
            .ToList();

        var sql = new StringBuilder("INSERT INTO event_counts (minute, severity, \"count\") VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})");
        }

        sql.Append(" ON CONFLICT (minute, severity) DO UPDATE SET \"count\" = event_counts.\"count\" + excluded.\"count\"");
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), rows.SelectMany(r => r), cancellationToken);
    }
}

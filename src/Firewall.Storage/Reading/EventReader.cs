using Firewall.Core.Events;
using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Reading;

/// <summary>Keyset pages without OFFSET, and stats from the rollup, never from events; every read within the request deadline.</summary>
internal sealed class EventReader(IDbContextFactory<FirewallDbContext> factory, StoreDeadline deadline) : IEventReader
{
    public Task<EventPage> QueryAsync(EventFilter filter, int limit, Keyset? after, PageFields fields, CancellationToken cancellationToken) =>
        deadline.RunAsync(ct => ReadPageAsync(filter, limit, after, fields, ct), cancellationToken);

    public Task<SecurityEvent?> FindAsync(long id, CancellationToken cancellationToken) =>
        deadline.RunAsync(ct => ReadOneAsync(id, ct), cancellationToken);

    public Task<IReadOnlyList<SecurityEvent>> ReadAfterAsync(EventFilter filter, long afterId, int limit, CancellationToken cancellationToken) =>
        deadline.RunAsync(ct => ReadNewerAsync(filter, afterId, limit, ct), cancellationToken);

    public Task<IReadOnlyList<SeverityCounts>> CountAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken) =>
        deadline.RunAsync(ct => ReadCountsAsync(from, to, bucket, ct), cancellationToken);

    private async Task<EventPage> ReadPageAsync(EventFilter filter, int limit, Keyset? after, PageFields fields, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var newest = await EventQueries.MergedPage(db.Events.AsNoTracking(), filter, after, limit + 1, db.Database.IsNpgsql(), fields).ToListAsync(cancellationToken);
        var items = newest.Take(limit).Select(r => new ListedEvent(EventMapping.ToEvent(r), fields == PageFields.Excerpt && r.ContentTruncated)).ToList();
        var next = newest.Count > limit ? new Keyset(items[^1].Event.OccurredAt, items[^1].Event.Id) : null;
        return new EventPage(items, next);
    }

    private async Task<SecurityEvent?> ReadOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return record is null ? null : EventMapping.ToEvent(record);
    }

    private async Task<IReadOnlyList<SecurityEvent>> ReadNewerAsync(EventFilter filter, long afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var newest = await EventQueries.After(db, filter, afterId, limit).ToListAsync(cancellationToken);
        return [.. newest.AsEnumerable().Reverse().Select(EventMapping.ToEvent)];
    }

    /// <summary>
    /// Counts at minute resolution: a minute is counted when its start lies in [from, to). For buckets of whole hours,
    /// the whole hours are read from the hourly rollup (60 times fewer rows) and only the minutes before the first and
    /// after the last whole hour from the per-minute one; finer buckets read the per-minute rollup.
    /// </summary>
    private async Task<IReadOnlyList<SeverityCounts>> ReadCountsAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken)
    {
        if (bucket < TimeSpan.FromMinutes(1) || bucket.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "A bucket is a whole number of minutes.");
        }

        var size = (long)bucket.TotalMinutes;
        var first = UnixMinutes.CeilingOf(from);
        var end = UnixMinutes.CeilingOf(to);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await EventQueries.RollupCounts(db.EventCounts.AsNoTracking(), db.HourlyEventCounts.AsNoTracking(), first, end, size).ToListAsync(cancellationToken);

        // A bucket holding both whole hours and edge minutes comes in a row from each rollup: sum them.
        return rows
            .GroupBy(r => r.Start)
            .OrderBy(g => g.Key)
            .Select(g => new SeverityCounts(UnixMinutes.Start(g.Key), g.GroupBy(r => r.Severity).ToDictionary(s => s.Key, s => s.Sum(r => r.Count))))
            .ToList();
    }
}

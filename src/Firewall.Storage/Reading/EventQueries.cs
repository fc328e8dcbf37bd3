using System.Linq.Expressions;
using Firewall.Core.Events;
using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Reading;

/// <summary>The store's read queries, kept apart from execution so tests can check their SQL and plans.</summary>
internal static class EventQueries
{
    /// <summary>
    /// The page query for a filter: one ordered, limited range scan per severity, combined with UNION ALL and cut to
    /// <paramref name="take"/> by the database (an IN over the index's first column would need a sort of the whole range),
    /// so a page costs one round trip and returns only the rows it keeps. With <paramref name="byListIndex"/> (PostgreSQL),
    /// each severity's scan reads the covering index of the rows that fit it, without the heap, and one more scan reads the
    /// few rows that do not (<see cref="ListIndex"/>), all severities at once: one branch more than the severities, not
    /// twice as many, because planning every branch on every partition is a large share of a miss.
    /// </summary>
    public static IQueryable<EventRecord> MergedPage(
        IQueryable<EventRecord> events, EventFilter filter, Keyset? after, int take, bool byListIndex, PageFields fields = PageFields.Excerpt)
    {
        var pages = filter.Severities
            .Order()
            .Select(severity => Page(byListIndex ? events.Where(e => e.InListIndex) : events, severity, filter, after, take, fields));
        if (byListIndex)
        {
            pages = pages.Append(WidePage(events, filter, after, take, fields));
        }

        return pages.Aggregate(Queryable.Concat).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(take);
    }

    /// <summary>The page query for one severity: an ordered range scan of its (severity, occurred_at, id) index, newest first.</summary>
    public static IQueryable<EventRecord> Page(
        IQueryable<EventRecord> events, Severity severity, EventFilter filter, Keyset? after, int take, PageFields fields = PageFields.Excerpt) =>
        Newest(events.Where(e => e.Severity == severity), filter, after, take, fields);

    /// <summary>
    /// The rows too wide for the covering index, of any of the filter's severities: an ordered range scan of their own
    /// partial (occurred_at, id) index on PostgreSQL, whose rows are rare enough that filtering the severities costs little.
    /// </summary>
    private static IQueryable<EventRecord> WidePage(IQueryable<EventRecord> events, EventFilter filter, Keyset? after, int take, PageFields fields)
    {
        var severities = filter.Severities.ToList();
        return Newest(events.Where(e => !e.InListIndex && severities.Contains(e.Severity)), filter, after, take, fields);
    }

    /// <summary>The filter's time range, cursor and attributes on <paramref name="query"/>, newest first, limited.</summary>
    private static IQueryable<EventRecord> Newest(IQueryable<EventRecord> query, EventFilter filter, Keyset? after, int take, PageFields fields)
    {
        var from = EventMapping.ToStoredTime(filter.From);
        var to = EventMapping.ToStoredTime(filter.To);
        query = query.Where(e => e.OccurredAt >= from && e.OccurredAt < to);
        if (after is not null)
        {
            var time = EventMapping.ToStoredTime(after.OccurredAt);
            var id = after.Id;
            // The first conjunct is redundant but sargable: it makes the cursor the scan's upper bound in the index, so a
            // deep page seeks to the cursor instead of reading (and filtering out) every newer row of the range.
            query = query.Where(e => e.OccurredAt <= time && (e.OccurredAt < time || (e.OccurredAt == time && e.Id < id)));
        }

        query = Attributes(query, filter);
        return (fields == PageFields.Full ? query : query.Select(ListRow)).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(take);
    }

    /// <summary>
    /// A list row: every column the API shows but the content, whose stored excerpt takes its place, so a page never reads a
    /// body (on PostgreSQL, never its TOAST chunks), and every column it reads is in the covering index <c>ix_events_list</c>.
    /// </summary>
    private static readonly Expression<Func<EventRecord, EventRecord>> ListRow = e => new EventRecord
    {
        Id = e.Id,
        EventId = e.EventId,
        OccurredAt = e.OccurredAt,
        ReceivedAt = e.ReceivedAt,
        AgentId = e.AgentId,
        Type = e.Type,
        Action = e.Action,
        Category = e.Category,
        Severity = e.Severity,
        AgentSeverity = e.AgentSeverity,
        RiskScore = e.RiskScore,
        Confidence = e.Confidence,
        Model = e.Model,
        SourceIp = e.SourceIp,
        SourceUserId = e.SourceUserId,
        SourceSessionId = e.SourceSessionId,
        Message = e.Message,
        Content = e.ContentExcerpt,
        ContentTruncated = e.ContentTruncated,
        Attributes = e.Attributes,
        Findings = e.Findings,
        Redactions = e.Redactions,
        RuleSetVersion = e.RuleSetVersion,
        DetectorModelVersion = e.DetectorModelVersion,
    };

    /// <summary>
    /// The newest rows with an id above <paramref name="afterId"/> that match the filter: what a live tail missed. A backward
    /// scan of the primary key (id first; on PostgreSQL one per partition, merged) that the LIMIT stops.
    /// </summary>
    public static IQueryable<EventRecord> After(FirewallDbContext db, EventFilter filter, long afterId, int take)
    {
        var from = EventMapping.ToStoredTime(filter.From);
        var to = EventMapping.ToStoredTime(filter.To);
        var query = db.Events.AsNoTracking().Where(e => e.Id > afterId && e.OccurredAt >= from && e.OccurredAt < to);
        if (db.Database.IsSqlite())
        {
            // Compared as integers (a cast), which no index serves: on severity IN (…) SQLite would search the composite
            // index and sort every row of those severities. PostgreSQL weighs the column's statistics and needs no such help.
            var codes = filter.Severities.Select(s => (int)s).ToList();
            query = query.Where(e => codes.Contains((int)e.Severity));
        }
        else
        {
            var severities = filter.Severities.ToList();
            query = query.Where(e => severities.Contains(e.Severity));
        }

        return Attributes(query, filter).OrderByDescending(e => e.Id).Take(take);
    }

    /// <summary>The filter's type, category, action and agent conditions. Lists, not sets: EF translates List.Contains to IN.</summary>
    private static IQueryable<EventRecord> Attributes(IQueryable<EventRecord> query, EventFilter filter)
    {
        if (filter.Types is { } types)
        {
            var list = types.ToList();
            query = query.Where(e => list.Contains(e.Type));
        }

        if (filter.Categories is { } categories)
        {
            var list = categories.ToList();
            query = query.Where(e => list.Contains(e.Category));
        }

        if (filter.Actions is { } actions)
        {
            var list = actions.ToList();
            query = query.Where(e => list.Contains(e.Action));
        }

        if (filter.AgentId is { } agentId)
        {
            query = query.Where(e => e.AgentId == agentId);
        }

        return query;
    }

    /// <summary>
    /// Rollup rows of minutes [first, end) per bucket of <paramref name="size"/> minutes and severity, in one statement:
    /// for buckets of whole hours, the whole hours inside the range from the hourly rollup and the minutes before the
    /// first and after the last of them from the per-minute one (UNION ALL), so a window ending mid-hour still reads at
    /// most 24 × 7 hourly rows a day plus an hour of minutes at each edge. A bucket may come in a row from each rollup.
    /// </summary>
    public static IQueryable<BucketCount> RollupCounts(IQueryable<EventCount> minutes, IQueryable<HourlyEventCount> hours, long first, long end, long size)
    {
        var (firstHour, endHour) = (CeilingToHour(first), end - (end % UnixMinutes.PerHour));
        if (size % UnixMinutes.PerHour != 0 || firstHour >= endHour)
        {
            return Counts(minutes, first, end, size);
        }

        var counts = HourlyCounts(hours, firstHour, endHour, size);
        if (first < firstHour)
        {
            counts = counts.Concat(Counts(minutes, first, firstHour, size));
        }

        return endHour < end ? counts.Concat(Counts(minutes, endHour, end, size)) : counts;
    }

    private static long CeilingToHour(long minute) => (minute + UnixMinutes.PerHour - 1) / UnixMinutes.PerHour * UnixMinutes.PerHour;

    /// <summary>Rollup rows of minutes [first, end) summed per bucket of <paramref name="size"/> minutes and severity, in SQL.</summary>
    public static IQueryable<BucketCount> Counts(IQueryable<EventCount> counts, long first, long end, long size) =>
        counts
            .Where(c => c.Minute >= first && c.Minute < end)
            .GroupBy(c => new { Start = c.Minute / size * size, c.Severity })
            .Select(g => new BucketCount { Start = g.Key.Start, Severity = g.Key.Severity, Count = g.Sum(c => c.Count) });

    /// <summary>
    /// Like <see cref="Counts"/> from the hourly rollup, for hour-aligned minutes [first, end) and buckets of whole hours;
    /// bucket starts are still in minutes.
    /// </summary>
    public static IQueryable<BucketCount> HourlyCounts(IQueryable<HourlyEventCount> counts, long first, long end, long size)
    {
        var (firstHour, endHour, hours) = (first / UnixMinutes.PerHour, end / UnixMinutes.PerHour, size / UnixMinutes.PerHour);
        return counts
            .Where(c => c.Hour >= firstHour && c.Hour < endHour)
            .GroupBy(c => new { Start = c.Hour / hours * hours, c.Severity })
            .Select(g => new BucketCount { Start = g.Key.Start * UnixMinutes.PerHour, Severity = g.Key.Severity, Count = g.Sum(c => c.Count) });
    }
}

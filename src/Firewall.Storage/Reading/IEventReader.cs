using Firewall.Core.Events;

namespace Firewall.Storage.Reading;

/// <summary>Reads the store. Every severity + time query is an ordered range scan of the (severity, occurred_at, id) index.</summary>
public interface IEventReader
{
    /// <summary>
    /// Newest first (occurredAt desc, id desc), at most <paramref name="limit"/> items, after <paramref name="after"/> when
    /// given; each item's content whole or only its excerpt, as <paramref name="fields"/> asks.
    /// </summary>
    Task<EventPage> QueryAsync(EventFilter filter, int limit, Keyset? after, PageFields fields, CancellationToken cancellationToken);

    Task<SecurityEvent?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// The newest events with an id above <paramref name="afterId"/> that match <paramref name="filter"/>, at most
    /// <paramref name="limit"/>, oldest first: what a live tail resuming after <paramref name="afterId"/> missed.
    /// </summary>
    Task<IReadOnlyList<SecurityEvent>> ReadAfterAsync(EventFilter filter, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Counts per bucket and severity in [from, to); buckets are aligned to multiples of <paramref name="bucket"/> since the Unix epoch; empty buckets are omitted.</summary>
    Task<IReadOnlyList<SeverityCounts>> CountAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken);
}

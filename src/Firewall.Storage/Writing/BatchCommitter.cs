using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Writing;

/// <summary>
/// Writes one batch in one transaction, idempotent on eventId (invariant 2): all of it is stored, or none. The provider's
/// bulk insert skips eventIds already stored; those are then read in one query and answered Duplicate or Conflict by fingerprint.
/// </summary>
internal sealed class BatchCommitter(IDbContextFactory<FirewallDbContext> factory, IEventInsert insert)
{
    public async Task<CommittedBatch> CommitAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        // The first occurrence of an eventId in the batch is the one inserted; later ones are compared with what is stored.
        var first = new Dictionary<Guid, int>();
        var candidates = new List<EventRecord>();
        for (var i = 0; i < events.Count; i++)
        {
            if (first.TryAdd(events[i].Event.EventId, i))
            {
                candidates.Add(EventMapping.ToRecord(events[i].Event, events[i].Fingerprint.Value));
            }
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var inserted = await insert.InsertAsync(db, candidates, cancellationToken);
        var stored = new Dictionary<Guid, EventRecord>(candidates.Count);
        var created = new List<EventRecord>(inserted.Count);
        foreach (var record in candidates.Where(r => inserted.ContainsKey(r.EventId)))
        {
            record.Id = inserted[record.EventId];
            stored.Add(record.EventId, record);
            created.Add(record);
        }

        await AddExistingAsync(db, candidates, stored, cancellationToken);
        if (created.Count > 0)
        {
            await EventCountUpsert.ExecuteAsync(db, created, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // Map each stored row once, even when several results share it.
        var mapped = stored.Values.ToDictionary(r => r.EventId, EventMapping.ToEvent);
        var results = new WriteResult[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var eventId = events[i].Event.EventId;
            var record = stored[eventId];
            var outcome = first[eventId] == i && inserted.ContainsKey(eventId) ? WriteOutcome.Created
                : events[i].Fingerprint.Matches(record.Fingerprint) ? WriteOutcome.Duplicate
                : WriteOutcome.Conflict;
            results[i] = new WriteResult(outcome, mapped[eventId]);
        }

        return new CommittedBatch(results, created.Select(r => r.Severity).ToHashSet());
    }

    // The rows the insert skipped were stored before, or committed meanwhile by another writer: this statement sees them.
    private static async Task AddExistingAsync(FirewallDbContext db, List<EventRecord> candidates, Dictionary<Guid, EventRecord> stored, CancellationToken cancellationToken)
    {
        var missing = candidates.Select(r => r.EventId).Where(id => !stored.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var existing = await db.Events.AsNoTracking().Where(r => missing.Contains(r.EventId)).ToListAsync(cancellationToken);
        if (existing.Count != missing.Count)
        {
            // Skipped as stored, yet gone (removed by retention in between): nothing is committed, and a retry stores it afresh.
            throw new StoreUnavailableException("An eventId of the batch was removed while the batch was written; retry.");
        }

        foreach (var record in existing)
        {
            stored.Add(record.EventId, record);
        }
    }
}

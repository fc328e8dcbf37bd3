using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Writing;

/// <summary>Writes one batch in one transaction, idempotent on eventId (invariant 2): all of it is stored, or none.</summary>
internal sealed class BatchCommitter(IDbContextFactory<FirewallDbContext> factory)
{
    public async Task<CommittedBatch> CommitAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var ids = events.Select(e => e.Event.EventId).Distinct().ToList();
        var known = await db.Events.AsNoTracking().Where(r => ids.Contains(r.EventId)).ToDictionaryAsync(r => r.EventId, cancellationToken);

        // The first occurrence of an eventId wins, in the store or in the batch; later ones are compared with it.
        var planned = new (EventRecord Record, WriteOutcome Outcome)[events.Count];
        var created = new List<EventRecord>();
        for (var i = 0; i < events.Count; i++)
        {
            var item = events[i];
            if (known.TryGetValue(item.Event.EventId, out var first))
            {
                var outcome = first.Fingerprint.AsSpan().SequenceEqual(item.Fingerprint) ? WriteOutcome.Duplicate : WriteOutcome.Conflict;
                planned[i] = (first, outcome);
                continue;
            }

            var record = EventMapping.ToRecord(item.Event, item.Fingerprint);
            known.Add(record.EventId, record);
            created.Add(record);
            planned[i] = (record, WriteOutcome.Created);
        }

        if (created.Count > 0)
        {
            db.Events.AddRange(created);
            await db.SaveChangesAsync(cancellationToken);
            await EventCountUpsert.ExecuteAsync(db, created, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // Map each stored row once (ids are assigned now), even when several results share it.
        var stored = planned.Select(p => p.Record).Distinct().ToDictionary(r => r, EventMapping.ToEvent);
        var results = planned.Select(p => new WriteResult(p.Outcome, stored[p.Record])).ToArray();
        return new CommittedBatch(results, created.Select(r => r.Severity).ToHashSet());
    }
}

using Firewall.Storage.Data;

namespace Firewall.Storage.Writing;

/// <summary>
/// The provider's bulk insert of a batch's new events, in the context's open transaction: each row is inserted unless its
/// eventId is already stored, and the ids of the rows it inserted are returned by eventId. Only the SQL differs per provider.
/// </summary>
internal interface IEventInsert
{
    Task<IReadOnlyDictionary<Guid, long>> InsertAsync(FirewallDbContext db, IReadOnlyList<EventRecord> records, CancellationToken cancellationToken);
}

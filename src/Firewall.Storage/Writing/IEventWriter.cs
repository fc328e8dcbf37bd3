namespace Firewall.Storage.Writing;

/// <summary>
/// Stores events idempotently on eventId. The returned task completes only after the transaction holding the
/// events has committed and every <see cref="ICommitListener"/> has run (invariant 1 and 3 of ARCHITECTURE.md).
/// Throws <see cref="StoreUnavailableException"/> when the store cannot take the write; nothing of it is stored then.
/// </summary>
public interface IEventWriter
{
    Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken);
}

using Firewall.Core.Events;

namespace Firewall.Storage.Writing;

/// <summary>Told, after each commit and before any writer is answered, which severities gained events (the cache bumps their generations).</summary>
public interface ICommitListener
{
    ValueTask OnCommittedAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken);
}

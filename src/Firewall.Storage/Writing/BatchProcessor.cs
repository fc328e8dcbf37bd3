using System.Diagnostics;
using Firewall.Core.Diagnostics;
using Firewall.Core.Events;
using Microsoft.Extensions.Logging;

namespace Firewall.Storage.Writing;

/// <summary>
/// Commits a batch, tells the commit listeners and hands the created events on, then answers every waiting request
/// (invariants 1 and 3): nobody is answered before the commit and the listeners.
/// </summary>
internal sealed class BatchProcessor(
    BatchCommitter committer, IEnumerable<ICommitListener> listeners, IEnumerable<ICreatedEventsListener> createdListeners,
    IStoreMetrics metrics, TimeProvider time, ILogger<BatchProcessor> logger)
{
    private readonly LogThrottle failures = new(LogThrottle.DefaultInterval, time);

    public async Task ProcessAsync(IReadOnlyList<WriteRequest> batch)
    {
        var events = batch.SelectMany(r => r.Events).ToList();
        CommittedBatch committed;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Callers' cancellation never reaches here: a batch serves many callers.
            committed = await committer.CommitAsync(events, CancellationToken.None);
            metrics.BatchCommitted(committed.Results, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex)
        {
            metrics.BatchFailed(events.Count, Stopwatch.GetElapsedTime(started));
            // Whatever failed, the transaction rolled back and the loop must live on to serve the next batch. The cause is
            // logged here, with its exception, once per interval: a store that is down fails every batch the same way.
            if (failures.TryEnter(ex.GetType().FullName!, out var suppressed))
            {
                logger.LogError(ex, "Writing a batch of {Count} events failed; none of it is stored ({Suppressed} more failed batches since the last line)", events.Count, suppressed);
            }

            // Never a 500: agents retry 503 and drop data on anything else, and nothing of the batch is stored.
            var failure = new StoreUnavailableException("The event store cannot take writes now.", ex);
            foreach (var request in batch)
            {
                request.Completion.TrySetException(failure);
            }

            return;
        }

        if (committed.CreatedSeverities.Count > 0)
        {
            await NotifyAsync(committed.CreatedSeverities);
            HandOn(committed.Results);
        }

        var offset = 0;
        foreach (var request in batch)
        {
            request.Completion.TrySetResult(committed.Results[offset..(offset + request.Events.Count)]);
            offset += request.Events.Count;
        }
    }

    // The events are committed whatever a listener does: a failing listener is logged, and the cache recovers on its own (invariant 5).
    private async Task NotifyAsync(IReadOnlySet<Severity> severities)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnCommittedAsync(severities, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Commit listener {Listener} failed", listener.GetType().Name);
            }
        }
    }

    private void HandOn(WriteResult[] results)
    {
        var created = results.Where(r => r.Outcome == WriteOutcome.Created).Select(r => r.Event).ToList();
        foreach (var listener in createdListeners)
        {
            try
            {
                listener.OnCreated(created);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Created-events listener {Listener} failed", listener.GetType().Name);
            }
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Firewall.Storage.Writing;

/// <summary>
/// The bounded queue in front of the batch writer, counted in events (invariant 6): when full, a write fails at once
/// so the API answers 503 with Retry-After instead of holding memory.
/// </summary>
internal sealed class WriteQueue(IOptions<StorageOptions> options) : IEventWriter, IWriteQueueStatus
{
    private readonly Channel<WriteRequest> channel = Channel.CreateUnbounded<WriteRequest>();
    private readonly Lock taking = new();
    private readonly int capacity = options.Value.WriteQueueCapacity;
    private readonly TimeSpan deadline = options.Value.RequestDeadline;
    private int queuedEvents;

    /// <summary>Events accepted and not yet taken by the batch writer.</summary>
    public int QueuedEvents => Volatile.Read(ref queuedEvents);

    public int Capacity => capacity;

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (events.Count == 0)
        {
            return [];
        }

        if (Interlocked.Add(ref queuedEvents, events.Count) > capacity)
        {
            Interlocked.Add(ref queuedEvents, -events.Count);
            throw new StoreUnavailableException("The write queue is full.");
        }

        var request = new WriteRequest(events);
        if (!channel.Writer.TryWrite(request))
        {
            Interlocked.Add(ref queuedEvents, -events.Count);
            throw new StoreUnavailableException("The event store is shutting down.");
        }

        // The caller stops waiting at the deadline (or when it gives up); the batch goes on, and a retry finds the event stored.
        try
        {
            return await request.Completion.Task.WaitAsync(deadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw StoreDeadline.Exceeded(deadline);
        }
    }

    /// <summary>Waits for work; false once the queue is closed and drained.</summary>
    public ValueTask<bool> WaitAsync() => channel.Reader.WaitToReadAsync(CancellationToken.None);

    /// <summary>
    /// Takes the waiting requests, whole, up to <paramref name="maxEvents"/> events (at least one request unless another
    /// writer took them all).
    /// </summary>
    public List<WriteRequest> Take(int maxEvents)
    {
        var batch = new List<WriteRequest>();
        var events = 0;
        // Several writers take: the peeked request must be the one read.
        lock (taking)
        {
            while (channel.Reader.TryPeek(out var next) && (batch.Count == 0 || events + next.Events.Count <= maxEvents))
            {
                channel.Reader.TryRead(out _);
                batch.Add(next);
                events += next.Events.Count;
            }
        }

        Interlocked.Add(ref queuedEvents, -events);
        return batch;
    }

    /// <summary>Stops accepting writes; what is queued is still written.</summary>
    public void Close() => channel.Writer.TryComplete();
}

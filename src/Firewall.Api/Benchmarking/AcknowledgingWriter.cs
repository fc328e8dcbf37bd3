using Firewall.Storage.Writing;

namespace Firewall.Api.Benchmarking;

/// <summary>
/// The writer of a benchmark host that switched commit off: every event is answered as created at once, with an id of
/// its own, and nothing is written, queued or announced (no cache invalidation, no live tail).
/// </summary>
public sealed class AcknowledgingWriter : IEventWriter
{
    private long _lastId;

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        var results = new WriteResult[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            results[i] = new WriteResult(WriteOutcome.Created, events[i].Event with { Id = Interlocked.Increment(ref _lastId) });
        }

        return Task.FromResult<IReadOnlyList<WriteResult>>(results);
    }
}

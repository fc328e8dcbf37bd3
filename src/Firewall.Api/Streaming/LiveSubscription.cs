using System.Threading.Channels;
using Firewall.Storage.Reading;

namespace Firewall.Api.Streaming;

/// <summary>One open stream: its filter and the bounded buffer of live events waiting for its client.</summary>
internal sealed class LiveSubscription(LiveTail tail, EventFilter filter, int buffer) : IDisposable
{
    private readonly Channel<LiveEvent> _events = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(buffer) { SingleReader = true });

    public EventFilter Filter => filter;

    /// <summary>Live events in arrival order; completes once the stream is ended (its client too far behind, or shutdown).</summary>
    public ChannelReader<LiveEvent> Events => _events.Reader;

    /// <summary>Queues <paramref name="live"/> without waiting; false when the buffer is full.</summary>
    public bool Offer(LiveEvent live) => _events.Writer.TryWrite(live);

    /// <summary>No more live events: the client gets those already buffered, then the end of the stream.</summary>
    public void End() => _events.Writer.TryComplete();

    public void Dispose() => tail.Remove(this);
}

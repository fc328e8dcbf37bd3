using System.Threading.Channels;
using Firewall.Api.Operations;
using Firewall.Core.Events;
using Firewall.Storage.Writing;

namespace Firewall.Api.Streaming;

/// <summary>
/// Takes the events each commit created off the batch writer's loop without ever making it wait: a bounded queue that
/// drops its oldest event when full (counted). Its own loop makes each event's JSON once, delivers it to this replica's
/// streams, then publishes it to the other replicas when Redis is configured, so Redis never delays local delivery.
/// </summary>
internal sealed class LiveFeed(LiveTail tail, FirewallMetrics metrics, ILogger<LiveFeed> logger, LiveRelay? relay = null)
    : BackgroundService, ICreatedEventsListener
{
    /// <summary>Events waiting for the loop; more mean it cannot keep up, and the oldest are dropped.</summary>
    public const int QueueCapacity = 10_000;

    private const int MaxBatch = 500;

    private readonly Channel<SecurityEvent> _queue = Channel.CreateBounded<SecurityEvent>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        _ => metrics.StreamEventDropped());

    public void OnCreated(IReadOnlyList<SecurityEvent> events)
    {
        // Nobody to tell: no stream here, and no other replica to publish to.
        if (relay is null && tail.IsEmpty)
        {
            return;
        }

        foreach (var created in events)
        {
            _queue.Writer.TryWrite(created);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LiveEvent>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            try
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var created))
                {
                    batch.Add(LiveEvent.From(created));
                }

                tail.Deliver(batch);
                if (relay is not null)
                {
                    await relay.PublishAsync(batch, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The loop must live on (a failed background service stops the host); the events stay stored.
                logger.LogError(ex, "Streaming {Count} created events failed; they are not streamed live", batch.Count);
            }

            batch.Clear();
        }
    }
}

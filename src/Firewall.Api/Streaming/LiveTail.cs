using Firewall.Api.Operations;
using Firewall.Storage.Reading;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Streaming;

/// <summary>
/// This replica's open streams, at most <see cref="StreamOptions.MaxSubscribers"/>. Delivery never waits: a stream whose
/// buffer is full has fallen too far behind and is ended (its client resumes with Last-Event-ID), so one slow client slows
/// neither ingest nor the other streams. Every stream ends when the application stops, so shutdown never waits on one.
/// </summary>
internal sealed class LiveTail : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamOptions _options;
    private readonly FirewallMetrics _metrics;
    private readonly CancellationTokenRegistration _stopping;
    private LiveSubscription[] _subscriptions = [];
    private bool _closed;

    public LiveTail(IOptions<StreamOptions> options, FirewallMetrics metrics, IHostApplicationLifetime lifetime)
    {
        (_options, _metrics) = (options.Value, metrics);
        _stopping = lifetime.ApplicationStopping.Register(Close);
    }

    public bool IsEmpty => Volatile.Read(ref _subscriptions).Length == 0;

    /// <summary>A new stream for <paramref name="filter"/>; null when this replica serves all it may, or is stopping.</summary>
    public LiveSubscription? TrySubscribe(EventFilter filter)
    {
        lock (_gate)
        {
            if (_closed || _subscriptions.Length >= _options.MaxSubscribers)
            {
                return null;
            }

            var subscription = new LiveSubscription(this, filter, _options.SubscriberBuffer);
            _subscriptions = [.. _subscriptions, subscription];
            _metrics.StreamOpened();
            return subscription;
        }
    }

    /// <summary>Queues each event for every stream whose filter it matches; ends the streams that cannot take one more.</summary>
    public void Deliver(IReadOnlyList<LiveEvent> events)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            foreach (var live in events)
            {
                if (subscription.Filter.Matches(live.Event) && !subscription.Offer(live))
                {
                    if (Remove(subscription))
                    {
                        _metrics.StreamDisconnected("lagging");
                    }

                    subscription.End();
                    break;
                }
            }
        }
    }

    /// <summary>Forgets a stream (idempotent); true when it was still open.</summary>
    public bool Remove(LiveSubscription subscription)
    {
        lock (_gate)
        {
            if (!_subscriptions.Contains(subscription))
            {
                return false;
            }

            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
            _metrics.StreamClosed(1);
            return true;
        }
    }

    public void Dispose() => _stopping.Dispose();

    private void Close()
    {
        LiveSubscription[] open;
        lock (_gate)
        {
            (_closed, open, _subscriptions) = (true, _subscriptions, []);
            _metrics.StreamClosed(open.Length);
        }

        foreach (var subscription in open)
        {
            subscription.End();
        }
    }
}

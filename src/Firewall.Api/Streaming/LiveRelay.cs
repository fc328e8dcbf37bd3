using System.Buffers;
using System.Text.Json;
using Firewall.Api.Redis;
using Firewall.Core.Events;
using Firewall.Core.Serialization;
using StackExchange.Redis;

namespace Firewall.Api.Streaming;

/// <summary>
/// Carries created events between replicas over one Redis channel (<see cref="RedisKeys.LiveEvents"/>): each replica
/// publishes what it commits, in one message per batch, and subscribes once. It skips its own messages (it delivered
/// those itself). Best effort, as Redis pub/sub is: a message published while Redis is unreachable, or lost with a
/// connection, is not seen live elsewhere; clients fill such gaps with Last-Event-ID.
/// </summary>
internal sealed class LiveRelay(IConnectionMultiplexer redis, RedisGate gate, RedisKeys keys, LiveTail tail, ILogger<LiveRelay> logger) : BackgroundService
{
    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(2);

    private readonly string _origin = Guid.NewGuid().ToString("N");
    private bool _subscribed;

    /// <summary>Publishes <paramref name="events"/> through the gate: a slow or absent Redis costs at most its timeout, then nothing while the breaker is open.</summary>
    public async Task PublishAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken)
    {
        var message = Message(events);
        await gate.TryAsync(db => db.PublishAsync(keys.LiveEvents, message), cancellationToken);
    }

    /// <summary>Subscribes before the replica serves when Redis answers, so a ready replica hears the others.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscribed = await TrySubscribeAsync();
        await base.StartAsync(cancellationToken);
    }

    // Until the first subscription succeeds; after it, StackExchange.Redis restores the subscription on every reconnection.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_subscribed)
        {
            await Task.Delay(SubscribeRetry, stoppingToken);
            _subscribed = await TrySubscribeAsync();
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            (await redis.GetSubscriber().SubscribeAsync(keys.LiveEvents)).OnMessage(Receive);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Subscribing to the live-event channel failed; retrying in {Delay}", SubscribeRetry);
            return false;
        }
    }

    // {"origin": "…", "events": [<each event's JSON as made once>]}
    private byte[] Message(IReadOnlyList<LiveEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("origin", _origin);
            writer.WriteStartArray("events");
            foreach (var live in events)
            {
                writer.WriteRawValue(live.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void Receive(ChannelMessage message)
    {
        if (tail.IsEmpty)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse((ReadOnlyMemory<byte>)message.Message);
            if (document.RootElement.GetProperty("origin").GetString() == _origin)
            {
                return;
            }

            tail.Deliver([.. document.RootElement.GetProperty("events").EnumerateArray()
                .Select(e => new LiveEvent(e.Deserialize<SecurityEvent>(FirewallJson.Options)!, e.GetRawText()))]);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            logger.LogWarning(ex, "A message on the live-event channel is not one of ours; skipped");
        }
    }
}

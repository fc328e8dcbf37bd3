using System.ComponentModel.DataAnnotations;

namespace Firewall.Api.Http;

/// <summary>
/// Configuration section <c>Firewall:Http</c>: how long Kestrel lets a client dribble a request before closing its
/// connection, so that slow clients (slowloris) cannot hold connections open. Kestrel reads no limits from its own
/// <c>Kestrel</c> section (only endpoints and certificates), hence a section of ours.
/// </summary>
public sealed class SlowClientOptions
{
    public const string Section = "Firewall:Http";

    /// <summary>
    /// Most time to receive a request's headers. Agents and browsers send them in one packet; 10 s tolerates a poor link
    /// and frees a connection that sends a byte at a time three times sooner than Kestrel's 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Least average rate of a request body once the grace period is over (Kestrel's default: 240 B/s).</summary>
    [Range(1, 1_000_000)]
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>How long a body may be slower than the minimum rate at first (Kestrel's default: 5 s; more than its 1 s heartbeat).</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:05:00")]
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Open connections per process before new ones are refused; unset (the default) is no cap, as the timeouts bound slow clients.</summary>
    [Range(1, long.MaxValue)]
    public long? MaxConcurrentConnections { get; set; }
}

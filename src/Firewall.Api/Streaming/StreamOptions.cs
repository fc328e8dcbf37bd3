using System.ComponentModel.DataAnnotations;

namespace Firewall.Api.Streaming;

/// <summary>Configuration section <c>Firewall:Stream</c>: the live tail's bounds (invariant 6).</summary>
public sealed class StreamOptions
{
    public const string Section = "Firewall:Stream";

    /// <summary>Streams one replica serves at once; one more is a 503 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int MaxSubscribers { get; set; } = 100;

    /// <summary>A stream silent this long gets a heartbeat: keep it below the idle timeout of every proxy on the way.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events waiting for one client; a client further behind has its stream ended and resumes with Last-Event-ID.</summary>
    [Range(1, 100_000)]
    public int SubscriberBuffer { get; set; } = 1000;

    /// <summary>Most events a resumed stream replays from the store: the newest of those it missed.</summary>
    [Range(1, 10_000)]
    public int ReplayLimit { get; set; } = 1000;
}

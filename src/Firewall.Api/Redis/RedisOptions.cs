using System.ComponentModel.DataAnnotations;

namespace Firewall.Api.Redis;

/// <summary>Configuration section <c>Firewall:Redis</c>: how long a Redis call may take before the replica goes on without it.</summary>
public sealed class RedisOptions
{
    public const string Section = "Firewall:Redis";

    /// <summary>
    /// A slower answer counts as a failure: the store answers instead, and enough failures open the breaker. 250 ms, not
    /// less: at 50 ms the first benchmark run (64 clients on 2 saturated cores) served no cache hits at all.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an open breaker skips Redis before one trial call.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:05:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}

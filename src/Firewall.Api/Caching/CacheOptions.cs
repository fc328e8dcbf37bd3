using System.ComponentModel.DataAnnotations;

namespace Firewall.Api.Caching;

/// <summary>Configuration section <c>Firewall:Cache</c>.</summary>
public sealed class CacheOptions
{
    public const string Section = "Firewall:Cache";

    public bool Enabled { get; set; } = true;

    /// <summary>Every entry expires; entries under old generations are never read again and age out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Larger results are served but not cached.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>Bound on the in-process cache, in bytes of cached bodies.</summary>
    [Range(1024, long.MaxValue)]
    public long MemoryLimitBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Prefix of every Redis key, so several deployments (or tests) can share one Redis.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string RedisPrefix { get; set; } = "fw";

    /// <summary>Lifetime of the in-process copy in front of Redis; short, to bound memory held for entries nobody reads.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan LocalTtl { get; set; } = TimeSpan.FromSeconds(10);
}

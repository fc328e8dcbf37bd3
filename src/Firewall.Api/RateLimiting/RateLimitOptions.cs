using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Firewall.Api.RateLimiting;

/// <summary>Configuration section <c>Firewall:RateLimits</c>: per-principal token buckets, and a per-IP window on the token endpoint.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Firewall:RateLimits";

    [Required, ValidateObjectMembers] public BucketOptions Ingest { get; set; } = new() { EventsPerSecond = 2_000, Burst = 10_000 };

    [Required, ValidateObjectMembers] public QueryBucketOptions Query { get; set; } = new() { RequestsPerSecond = 50, Burst = 200 };

    [Required, ValidateObjectMembers] public TokenWindowOptions Token { get; set; } = new();

    /// <summary>Ingest is counted in events, not requests, so a batch of 1000 costs 1000.</summary>
    public sealed class BucketOptions
    {
        [Range(1, 10_000_000)] public int EventsPerSecond { get; set; }

        [Range(1, 10_000_000)] public int Burst { get; set; }
    }

    public sealed class QueryBucketOptions
    {
        [Range(1, 1_000_000)] public int RequestsPerSecond { get; set; }

        [Range(1, 1_000_000)] public int Burst { get; set; }
    }

    public sealed class TokenWindowOptions
    {
        [Range(1, 10_000)] public int RequestsPerMinute { get; set; } = 10;
    }
}

/// <summary>Source-generated validation that also checks the nested buckets (DataAnnotations alone does not recurse).</summary>
[OptionsValidator]
public sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;

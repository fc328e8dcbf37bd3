using Firewall.Core.Events;

namespace Firewall.Storage.Reading;

/// <summary>
/// Events of one severity in the bucket starting at Unix minute <see cref="Start"/>. Built with an initializer, not a
/// constructor, in queries: EF Core combines member-initialized projections with UNION ALL, never constructor ones.
/// </summary>
internal sealed record BucketCount
{
    public required long Start { get; init; }

    public required Severity Severity { get; init; }

    public required long Count { get; init; }
}

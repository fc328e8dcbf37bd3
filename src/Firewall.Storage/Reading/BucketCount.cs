using Firewall.Core.Events;

namespace Firewall.Storage.Reading;

/// <summary>Events of one severity in the bucket starting at Unix minute <paramref name="Start"/>.</summary>
internal sealed record BucketCount(long Start, Severity Severity, long Count);

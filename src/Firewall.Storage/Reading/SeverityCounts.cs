using Firewall.Core.Events;

namespace Firewall.Storage.Reading;

/// <summary>Event counts per severity in one time bucket starting at <paramref name="Start"/>.</summary>
public sealed record SeverityCounts(DateTimeOffset Start, IReadOnlyDictionary<Severity, long> Counts);

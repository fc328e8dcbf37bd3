using Firewall.Core.Events;

namespace Firewall.Storage.Reading;

/// <summary>
/// A normalised query filter: the severities it covers (never empty), the half-open time range [From, To) on occurredAt,
/// and optional equality filters (null means any).
/// </summary>
public sealed record EventFilter(
    IReadOnlySet<Severity> Severities,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlySet<EventType>? Types = null,
    IReadOnlySet<OwaspCategory>? Categories = null,
    IReadOnlySet<EventAction>? Actions = null,
    string? AgentId = null);

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
    string? AgentId = null)
{
    /// <summary>Whether <paramref name="e"/> passes the filter, as the store's queries decide it: the live tail matches events in memory.</summary>
    public bool Matches(SecurityEvent e) =>
        Severities.Contains(e.Severity) && e.OccurredAt >= From && e.OccurredAt < To
        && (Types is null || Types.Contains(e.Type))
        && (Categories is null || Categories.Contains(e.Category))
        && (Actions is null || Actions.Contains(e.Action))
        && (AgentId is null || AgentId == e.AgentId);
}

using System.Text.Json;

namespace Firewall.Core.Events;

/// <summary>An event as an agent posts it. Everything is nullable so validation, not the parser, names what is missing.</summary>
public sealed record EventInput
{
    public Guid? EventId { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public string? AgentId { get; init; }
    public EventType? Type { get; init; }
    public EventAction? Action { get; init; }
    public Severity? Severity { get; init; }
    public double? Confidence { get; init; }
    public string? Model { get; init; }
    public EventSource? Source { get; init; }
    public string? Message { get; init; }
    public string? Content { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }
}

using System.Text.Json;

namespace Firewall.Core.Events;

/// <summary>A stored event: the agent's input, redacted, plus what the server assigned.</summary>
public sealed record SecurityEvent
{
    public required long Id { get; init; }
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string AgentId { get; init; }
    public required EventType Type { get; init; }
    public required EventAction Action { get; init; }
    public required Severity Severity { get; init; }
    public Severity? AgentSeverity { get; init; }
    public required OwaspCategory Category { get; init; }
    public required int RiskScore { get; init; }
    public double? Confidence { get; init; }
    public string? Model { get; init; }
    public EventSource? Source { get; init; }
    public string? Message { get; init; }
    public string? Content { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required int Redactions { get; init; }
    public required string RuleSetVersion { get; init; }

    /// <summary>The learned prompt-attack model that judged the event; null for events stored before the model existed.</summary>
    public string? DetectorModelVersion { get; init; }
}

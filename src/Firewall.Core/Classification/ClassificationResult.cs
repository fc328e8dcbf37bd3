using System.Text.Json;
using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>What classification decided about one event, with every free-text field already redacted (or pseudonymised).</summary>
public sealed record ClassificationResult(
    Severity Severity,
    OwaspCategory Category,
    int RiskScore,
    IReadOnlyList<Finding> Findings,
    string? AgentId,
    string? Model,
    EventSource? Source,
    string? Message,
    string? Content,
    IReadOnlyDictionary<string, JsonElement>? Attributes,
    int Redactions,
    string RuleSetVersion,
    string ModelVersion);

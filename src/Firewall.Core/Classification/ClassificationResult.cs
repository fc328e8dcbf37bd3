using System.Text.Json;
using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>What classification decided about one event, with its free text already redacted.</summary>
public sealed record ClassificationResult(
    Severity Severity,
    OwaspCategory Category,
    int RiskScore,
    IReadOnlyList<Finding> Findings,
    string? Message,
    string? Content,
    IReadOnlyDictionary<string, JsonElement>? Attributes,
    int Redactions,
    string RuleSetVersion);

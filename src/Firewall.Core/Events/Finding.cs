namespace Firewall.Core.Events;

/// <summary>One rule (or the learned model) that matched, how often, and what it implies.</summary>
/// <param name="Score">The model's probability that the text is an attack; null for rules.</param>
/// <param name="Evidence">The model's strongest word n-grams, taken from the redacted text; null for rules.</param>
public sealed record Finding(
    string Rule,
    string Detector,
    OwaspCategory Category,
    Severity Severity,
    int Count,
    double? Score = null,
    IReadOnlyList<string>? Evidence = null);

using Firewall.Core.Events;

namespace Firewall.Core.Classification;

// The JSON shape of a rule set, before validation. Everything is nullable so the loader, not the parser, names what is missing.
internal sealed record RuleSetDocument(
    string? Version,
    double? InjectionThreshold,
    FloodingLimits? Flooding,
    Dictionary<EventType, TypeProfileDocument>? Types,
    List<RuleDocument>? Rules);

internal sealed record TypeProfileDocument(OwaspCategory? Category, Severity? Baseline);

internal sealed record RuleDocument(
    string? Id,
    string? Detector,
    string? Kind,
    string? Pattern,
    double? Weight,
    Severity? Severity,
    OwaspCategory? Category,
    string? Validator,
    string? Scanner,
    bool IgnoreCase,
    bool NonBacktracking,
    List<string>? Hints);

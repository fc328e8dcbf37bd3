namespace Firewall.Core.Events;

/// <summary>One rule that matched, how often, and what it implies.</summary>
public sealed record Finding(string Rule, string Detector, OwaspCategory Category, Severity Severity, int Count);

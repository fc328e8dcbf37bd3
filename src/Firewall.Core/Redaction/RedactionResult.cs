using Firewall.Core.Events;

namespace Firewall.Core.Redaction;

/// <summary>A text with its secrets and personal data masked, and the rules that matched. A struct: most texts match nothing, and cost no allocation.</summary>
/// <param name="Redactions">How many spans were masked, after overlapping matches were merged.</param>
/// <param name="TimedOut">A rule could not finish in time, so the whole text was masked rather than risk a leak.</param>
public readonly record struct RedactionResult(string Text, int Redactions, IReadOnlyList<Finding> Findings, bool TimedOut);

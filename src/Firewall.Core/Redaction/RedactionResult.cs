using Firewall.Core.Events;

namespace Firewall.Core.Redaction;

/// <summary>A text with its secrets and personal data masked, and the rules that matched.</summary>
/// <param name="Redactions">How many spans were masked, after overlapping matches were merged.</param>
/// <param name="TimedOut">A rule could not finish in time, so the whole text was masked rather than risk a leak.</param>
public sealed record RedactionResult(string Text, int Redactions, IReadOnlyList<Finding> Findings, bool TimedOut);

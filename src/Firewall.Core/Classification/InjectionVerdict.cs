using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>The prompt-injection detector's decision on a text.</summary>
/// <param name="Score">Summed weight of the distinct rules that matched.</param>
/// <param name="Findings">The rules that matched, even below the threshold, with their match counts.</param>
/// <param name="TimedOut">A rule could not finish in time and was skipped.</param>
public sealed record InjectionVerdict(double Score, bool IsInjection, IReadOnlyList<Finding> Findings, bool TimedOut);

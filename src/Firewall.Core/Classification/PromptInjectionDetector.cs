using System.Text.RegularExpressions;
using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>
/// Scores text against the weighted prompt-injection and jailbreak rules of a rule set. A text is an injection when the
/// distinct matching rules weigh at least the rule set's threshold: one strong phrase ("ignore previous instructions")
/// is enough, weak ones ("from now on", "stay in character") only count together. Repeats of one phrase add nothing.
/// </summary>
public sealed class PromptInjectionDetector(RuleSet ruleSet)
{
    private readonly Rule[] _rules = [.. ruleSet.RulesOf(Detectors.PromptInjection)];

    public static PromptInjectionDetector CreateDefault() => new(RuleSetLoader.LoadEmbedded());

    public double Threshold { get; } = ruleSet.InjectionThreshold;

    public InjectionVerdict Detect(params ReadOnlySpan<string?> texts)
    {
        var findings = new List<Finding>();
        var score = 0.0;
        var timedOut = false;
        foreach (var rule in _rules)
        {
            var count = 0;
            foreach (var text in texts)
            {
                try
                {
                    count += text is null ? 0 : rule.Count(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    timedOut = true;
                }
            }

            if (count > 0)
            {
                findings.Add(rule.ToFinding(count));
                score += rule.Weight;
            }
        }

        return new InjectionVerdict(score, score >= Threshold, findings, timedOut);
    }
}

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
    private readonly HintIndex _hints = ruleSet.Hints;

    public static PromptInjectionDetector CreateDefault() => new(RuleSetLoader.LoadEmbedded());

    public double Threshold { get; } = ruleSet.InjectionThreshold;

    public InjectionVerdict Detect(params ReadOnlySpan<string?> texts)
    {
        var scanned = new ScannedText[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            scanned[i] = texts[i] is { } text ? _hints.Scan(text) : default;
        }

        return Detect(scanned);
    }

    /// <summary>Scores texts already scanned for hints, running each rule only on the texts that admit it; a default entry is no text.</summary>
    public InjectionVerdict Detect(params ReadOnlySpan<ScannedText> texts)
    {
        // Most texts match nothing: allocate only once something does.
        List<Finding>? findings = null;
        var score = 0.0;
        var timedOut = false;
        foreach (var rule in _rules)
        {
            var count = 0;
            foreach (var text in texts)
            {
                if (text.Text is null || !text.Candidates.Contains(rule.Index))
                {
                    continue;
                }

                try
                {
                    count += rule.Count(text.Text);
                }
                catch (RegexMatchTimeoutException)
                {
                    timedOut = true;
                }
            }

            if (count > 0)
            {
                (findings ??= []).Add(rule.ToFinding(count));
                score += rule.Weight;
            }
        }

        return new InjectionVerdict(score, score >= Threshold, findings ?? [], timedOut);
    }
}

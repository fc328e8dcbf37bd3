using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>A validated, compiled rule set: the data classification runs on. Load one with <see cref="RuleSetLoader"/>.</summary>
/// <param name="InjectionThreshold">The summed weight of prompt-injection rules at which a text counts as an injection.</param>
public sealed record RuleSet(
    string Version,
    double InjectionThreshold,
    FloodingLimits Flooding,
    IReadOnlyDictionary<EventType, TypeProfile> Types,
    IReadOnlyList<Rule> Rules)
{
    /// <summary>Every rule's hints in one search: scan a text once, then run only the rules it admits. Built once from
    /// <see cref="Rules"/>, whose indices it relies on: make a rule set with <see cref="RuleSetLoader"/>, never by <c>with</c>.</summary>
    public HintIndex Hints { get; } = new(Rules);

    public IEnumerable<Rule> RulesOf(string detector) => Rules.Where(r => r.Detector == detector);
}

/// <summary>What an event type implies before any content is looked at.</summary>
public sealed record TypeProfile(OwaspCategory Category, Severity Baseline);

/// <summary>Thresholds of the flooding signals that are not regexes.</summary>
/// <param name="ContentNearLimitRatio">Content at or above this fraction of <see cref="EventLimits.ContentMaxBytes"/> is flagged.</param>
/// <param name="MaxTokens">A numeric "tokens" attribute above this is flagged.</param>
public sealed record FloodingLimits(double ContentNearLimitRatio, long MaxTokens);

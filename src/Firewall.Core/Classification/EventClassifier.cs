using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>Classifies and redacts one validated event. Pure: no I/O, deterministic for a rule set.</summary>
public sealed class EventClassifier
{
    private readonly string _ruleSetVersion = "0";

    public string RuleSetVersion => _ruleSetVersion;

    public static EventClassifier CreateDefault() => new();

    public ClassificationResult Classify(EventInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ClassificationResult(input.Severity ?? Severity.Unknown, OwaspCategory.None, 0, [], input.Message, input.Content, input.Attributes, 0, _ruleSetVersion);
    }
}

using System.Text.Json;
using Firewall.Core.Events;
using Firewall.Core.Redaction;

namespace Firewall.Core.Classification;

/// <summary>Classifies and redacts one validated event. Pure: no I/O, deterministic for a rule set, thread-safe.</summary>
public sealed class EventClassifier
{
    private readonly RuleSet _ruleSet;
    private readonly Redactor _redactor;
    private readonly PromptInjectionDetector _injection;
    private readonly FloodingDetector _flooding;

    public EventClassifier(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _ruleSet = ruleSet;
        _redactor = new Redactor(ruleSet);
        _injection = new PromptInjectionDetector(ruleSet);
        _flooding = new FloodingDetector(ruleSet);
    }

    /// <summary>The classifier over the embedded rule set; throws <see cref="RuleSetException"/> naming the problem if it is invalid.</summary>
    public static EventClassifier CreateDefault() => new(RuleSetLoader.LoadEmbedded());

    public string RuleSetVersion => _ruleSet.Version;

    public ClassificationResult Classify(EventInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var type = input.Type ?? throw new ArgumentException("The event has no type; validate it first.", nameof(input));
        var findings = new List<Finding>();
        var redactions = 0;

        string? Redact(string? text)
        {
            if (text is null)
            {
                return null;
            }

            var result = _redactor.Redact(text);
            findings.AddRange(result.Findings);
            redactions += result.Redactions;
            return result.Text;
        }

        var message = Redact(input.Message);
        var content = Redact(input.Content);
        var attributes = input.Attributes?.ToDictionary(
            a => a.Key,
            a => a.Value.ValueKind == JsonValueKind.String ? JsonSerializer.SerializeToElement(Redact(a.Value.GetString())) : a.Value,
            StringComparer.Ordinal);

        var injection = _injection.Detect(input.Message, input.Content);
        if (injection.IsInjection)
        {
            findings.AddRange(injection.Findings);
        }

        findings.AddRange(_flooding.Detect(input.Content, input.Attributes));
        var merged = Merge(findings);

        var profile = _ruleSet.Types[type];
        var severity = SeverityPolicy.Severity(profile, merged, input);
        return new ClassificationResult(
            severity,
            SeverityPolicy.Category(profile, merged),
            SeverityPolicy.RiskScore(severity, input.Confidence, merged.Count),
            merged,
            message,
            content,
            attributes,
            redactions,
            _ruleSet.Version);
    }

    // One finding per rule, however many fields it matched in.
    private static List<Finding> Merge(List<Finding> findings) => findings.Count < 2 ? findings :
        [.. findings.GroupBy(f => f.Rule, StringComparer.Ordinal).Select(g => g.First() with { Count = g.Sum(f => f.Count) })];
}

using System.Buffers;
using System.Net;
using System.Text.Json;
using Firewall.Core.Events;
using Firewall.Core.Privacy;
using Firewall.Core.Redaction;

namespace Firewall.Core.Classification;

/// <summary>
/// Classifies and redacts one validated event. Pure: no I/O, deterministic for a rule set (and pseudonym key), thread-safe.
/// Every free-text field goes through the one <see cref="Redactor"/>; with a <see cref="Pseudonymiser"/>, the user and
/// session ids are replaced by their pseudonyms instead.
/// </summary>
public sealed class EventClassifier
{
    private static readonly SearchValues<char> IpAddressCharacters = SearchValues.Create("0123456789abcdefABCDEF.:");

    private readonly RuleSet _ruleSet;
    private readonly Redactor _redactor;
    private readonly PromptInjectionDetector _injection;
    private readonly FloodingDetector _flooding;
    private readonly Pseudonymiser? _pseudonymiser;

    public EventClassifier(RuleSet ruleSet, Pseudonymiser? pseudonymiser = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _ruleSet = ruleSet;
        _redactor = new Redactor(ruleSet);
        _injection = new PromptInjectionDetector(ruleSet);
        _flooding = new FloodingDetector(ruleSet);
        _pseudonymiser = pseudonymiser;
    }

    /// <summary>The classifier over the embedded rule set; throws <see cref="RuleSetException"/> naming the problem if it is invalid.</summary>
    public static EventClassifier CreateDefault(Pseudonymiser? pseudonymiser = null) => new(RuleSetLoader.LoadEmbedded(), pseudonymiser);

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

        var agentId = Redact(input.AgentId);
        var model = Redact(input.Model);
        var source = input.Source is { } s
            ? new EventSource(
                // An IP address literal cannot hold a secret or an e-mail, and the digit rules (phones) could mask it.
                s.Ip is null || IsIpAddress(s.Ip) ? s.Ip : Redact(s.Ip),
                s.UserId is null ? null : _pseudonymiser?.User(s.UserId) ?? Redact(s.UserId),
                s.SessionId is null ? null : _pseudonymiser?.Session(s.SessionId) ?? Redact(s.SessionId))
            : null;
        var message = Redact(input.Message);
        var content = Redact(input.Content);
        var attributes = RedactAttributes(input.Attributes, Redact);

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
            agentId,
            model,
            source,
            message,
            content,
            attributes,
            redactions,
            _ruleSet.Version);
    }

    // Keys and string values are both free text; keys that redact to the same text are kept apart (AttributeKeys).
    private static Dictionary<string, JsonElement>? RedactAttributes(IReadOnlyDictionary<string, JsonElement>? attributes, Func<string?, string?> redact)
    {
        if (attributes is null)
        {
            return null;
        }

        var pairs = attributes.Select(a => (
            Key: (Original: a.Key, Redacted: redact(a.Key)!),
            Value: a.Value.ValueKind == JsonValueKind.String ? JsonSerializer.SerializeToElement(redact(a.Value.GetString())) : a.Value)).ToList();
        var keys = AttributeKeys.Unique([.. pairs.Select(p => p.Key)]);
        var redacted = new Dictionary<string, JsonElement>(pairs.Count, StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            redacted.Add(keys[i], pairs[i].Value);
        }

        return redacted;
    }

    private static bool IsIpAddress(string text) =>
        !text.AsSpan().ContainsAnyExcept(IpAddressCharacters) && IPAddress.TryParse(text, out _);

    // One finding per rule, however many fields it matched in.
    private static List<Finding> Merge(List<Finding> findings) => findings.Count < 2 ? findings :
        [.. findings.GroupBy(f => f.Rule, StringComparer.Ordinal).Select(g => g.First() with { Count = g.Sum(f => f.Count) })];
}

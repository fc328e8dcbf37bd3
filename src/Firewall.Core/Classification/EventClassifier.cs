using System.Buffers;
using System.Collections.ObjectModel;
using System.Net;
using System.Text.Json;
using Firewall.Core.Classification.Model;
using Firewall.Core.Events;
using Firewall.Core.Privacy;
using Firewall.Core.Redaction;

namespace Firewall.Core.Classification;

/// <summary>
/// Classifies and redacts one validated event. Pure: no I/O, deterministic for a rule set (and pseudonym key), thread-safe.
/// Every free-text field goes through the one <see cref="Redactor"/>; with a <see cref="Pseudonymiser"/>, the user and
/// session ids are replaced by their pseudonyms instead. Prompt attacks are judged by the rules and the learned model
/// together (<see cref="PromptAttackJudge"/>).
/// </summary>
public sealed class EventClassifier
{
    private static readonly SearchValues<char> IpAddressCharacters = SearchValues.Create("0123456789abcdefABCDEF.:");

    private readonly RuleSet _ruleSet;
    private readonly Redactor _redactor;
    private readonly PromptInjectionDetector _injection;
    private readonly PromptAttackJudge _attacks;
    private readonly FloodingDetector _flooding;
    private readonly Pseudonymiser? _pseudonymiser;

    public EventClassifier(RuleSet ruleSet, PromptModel model, Pseudonymiser? pseudonymiser = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(model);
        _ruleSet = ruleSet;
        _redactor = new Redactor(ruleSet);
        _injection = new PromptInjectionDetector(ruleSet);
        _attacks = new PromptAttackJudge(model, _injection);
        _flooding = new FloodingDetector(ruleSet);
        _pseudonymiser = pseudonymiser;
    }

    /// <summary>The classifier over the embedded rule set and model; throws <see cref="RuleSetException"/> or
    /// <see cref="PromptModelException"/> naming the problem if either is invalid.</summary>
    public static EventClassifier CreateDefault(Pseudonymiser? pseudonymiser = null) => new(RuleSetLoader.LoadEmbedded(), PromptModel.LoadEmbedded(), pseudonymiser);

    public string RuleSetVersion => _ruleSet.Version;

    public string ModelVersion => _attacks.Model.Version;

    public ClassificationResult Classify(EventInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var type = input.Type ?? throw new ArgumentException("The event has no type; validate it first.", nameof(input));
        // Allocated only once something matches; local functions without delegates capture these without allocating.
        List<Finding>? findings = null;
        var redactions = 0;

        // Each text is scanned for hints once: the redactor and the injection rules share the scan.
        string Redact(ScannedText scanned)
        {
            var result = _redactor.Redact(scanned);
            Merge(ref findings, result.Findings);
            redactions += result.Redactions;
            return result.Text;
        }

        string? RedactField(string? text) => text is null ? null : Redact(_ruleSet.Hints.Scan(text));

        // Keys and string values are both free text; keys that redact to the same text are kept apart (AttributeKeys).
        Dictionary<string, JsonElement>? RedactAttributes(IReadOnlyDictionary<string, JsonElement>? attributes)
        {
            if (attributes is null)
            {
                return null;
            }

            var keys = new List<(string Original, string Redacted)>(attributes.Count);
            var values = new List<JsonElement>(attributes.Count);
            foreach (var (key, value) in attributes)
            {
                keys.Add((key, RedactField(key)!));
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
                var redacted = RedactField(text);
                // A string the redactor left alone keeps its element: serialising it again would only copy it.
                values.Add(ReferenceEquals(redacted, text) ? value : JsonSerializer.SerializeToElement(redacted));
            }

            var unique = AttributeKeys.Unique(keys);
            var result = new Dictionary<string, JsonElement>(keys.Count, StringComparer.Ordinal);
            for (var i = 0; i < keys.Count; i++)
            {
                result.Add(unique[i], values[i]);
            }

            return result;
        }

        var agentId = RedactField(input.AgentId);
        var model = RedactField(input.Model);
        var source = input.Source is { } s
            ? new EventSource(
                // An IP address literal cannot hold a secret or an e-mail, and the digit rules (phones) could mask it.
                s.Ip is null || IsIpAddress(s.Ip) ? s.Ip : RedactField(s.Ip),
                s.UserId is null ? null : _pseudonymiser?.User(s.UserId) ?? RedactField(s.UserId),
                s.SessionId is null ? null : _pseudonymiser?.Session(s.SessionId) ?? RedactField(s.SessionId))
            : null;
        var scannedMessage = input.Message is null ? default : _ruleSet.Hints.Scan(input.Message);
        var scannedContent = input.Content is null ? default : _ruleSet.Hints.Scan(input.Content);
        var message = input.Message is null ? null : Redact(scannedMessage);
        var content = input.Content is null ? null : Redact(scannedContent);
        var attributes = RedactAttributes(input.Attributes);

        // The model reads the redacted texts, so the words its finding names never hold what redaction masked.
        var attack = _attacks.JudgeWithRules(_injection.Detect(scannedMessage, scannedContent), message, content);
        Merge(ref findings, attack.Findings);

        Merge(ref findings, _flooding.Detect(input.Content, input.Attributes));
        var merged = findings is null ? ReadOnlyCollection<Finding>.Empty : findings.AsReadOnly();

        var profile = _ruleSet.Types[type];
        var severity = SeverityPolicy.Severity(profile, merged, input);
        return new ClassificationResult(
            severity,
            SeverityPolicy.Category(profile, merged),
            SeverityPolicy.RiskScore(severity, SeverityPolicy.Confidence(input.Confidence, attack.Probability), merged.Count),
            merged,
            agentId,
            model,
            source,
            message,
            content,
            attributes,
            redactions,
            _ruleSet.Version,
            _attacks.Model.Version);
    }

    private static bool IsIpAddress(string text) =>
        !text.AsSpan().ContainsAnyExcept(IpAddressCharacters) && IPAddress.TryParse(text, out _);

    // One finding per rule, however many fields it matched in: a rule's later finding adds its count to the first.
    private static void Merge(ref List<Finding>? findings, IReadOnlyList<Finding> more)
    {
        foreach (var finding in more)
        {
            findings ??= [];
            var same = IndexOfRule(findings, finding.Rule);
            if (same < 0)
            {
                findings.Add(finding);
            }
            else
            {
                findings[same] = findings[same] with { Count = findings[same].Count + finding.Count };
            }
        }
    }

    private static int IndexOfRule(List<Finding> findings, string rule)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            if (string.Equals(findings[i].Rule, rule, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

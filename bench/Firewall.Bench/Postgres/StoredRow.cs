using System.Text.Json;
using Firewall.Core.Classification;
using Firewall.Core.Events;
using Firewall.Storage.Data;

namespace Firewall.Bench.Postgres;

/// <summary>
/// An event as the API would store it: classified and redacted by the same classifier, flattened by column name.
/// Classification is costly, so a pool of templates is classified once and <see cref="With"/> varies id and time.
/// </summary>
public sealed class StoredRow
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, object?> _values;

    private StoredRow(Dictionary<string, object?> values) => _values = values;

    public static bool Knows(string column) => Template.ContainsKey(column);

    private static readonly Dictionary<string, object?> Template = new(StringComparer.Ordinal)
    {
        ["event_id"] = null,
        ["occurred_at"] = null,
        ["received_at"] = null,
        ["agent_id"] = null,
        ["type"] = null,
        ["action"] = null,
        ["category"] = null,
        ["severity"] = null,
        ["agent_severity"] = null,
        ["risk_score"] = null,
        ["confidence"] = null,
        ["model"] = null,
        ["source_ip"] = null,
        ["source_user_id"] = null,
        ["source_session_id"] = null,
        ["message"] = null,
        ["content"] = null,
        ["content_excerpt"] = null,
        ["content_truncated"] = null,
        ["attributes"] = null,
        ["findings"] = null,
        ["redactions"] = null,
        ["rule_set_version"] = null,
        ["detector_model_version"] = null,
        ["fingerprint"] = null,
        ["in_list_index"] = null,
    };

    public static StoredRow Classify(EventInput input, EventClassifier classifier)
    {
        var verdict = classifier.Classify(input);
        var at = input.OccurredAt!.Value.UtcDateTime;
        var (excerpt, truncated) = ContentExcerpt.Of(verdict.Content);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["event_id"] = input.EventId!.Value,
            ["occurred_at"] = at,
            ["received_at"] = at,
            ["agent_id"] = verdict.AgentId,
            ["type"] = (short)input.Type!.Value,
            ["action"] = (short)input.Action!.Value,
            ["category"] = (short)verdict.Category,
            ["severity"] = (short)verdict.Severity,
            ["agent_severity"] = (short?)input.Severity,
            ["risk_score"] = verdict.RiskScore,
            ["confidence"] = input.Confidence,
            ["model"] = verdict.Model,
            ["source_ip"] = verdict.Source?.Ip,
            ["source_user_id"] = verdict.Source?.UserId,
            ["source_session_id"] = verdict.Source?.SessionId,
            ["message"] = verdict.Message,
            ["content"] = verdict.Content,
            ["content_excerpt"] = excerpt,
            ["content_truncated"] = truncated,
            ["attributes"] = verdict.Attributes is null ? null : JsonSerializer.Serialize(verdict.Attributes, Json),
            ["findings"] = JsonSerializer.Serialize(verdict.Findings, Json),
            ["redactions"] = verdict.Redactions,
            ["rule_set_version"] = verdict.RuleSetVersion,
            ["detector_model_version"] = verdict.ModelVersion,
            ["fingerprint"] = EventFingerprint.Compute(input).Value,
        };
        values["in_list_index"] = ListIndex.Fits(ListIndex.TextColumns.Select(c => (string?)values[c]));
        return new StoredRow(values);
    }

    /// <summary>This row under another event id, occurring (and received) at <paramref name="at"/>.</summary>
    public StoredRow With(Guid eventId, DateTime at) =>
        new(new Dictionary<string, object?>(_values, StringComparer.Ordinal) { ["event_id"] = eventId, ["occurred_at"] = at, ["received_at"] = at });

    public object? this[string column] => _values[column];

    public short Severity => (short)_values["severity"]!;
    public DateTime OccurredAt => (DateTime)_values["occurred_at"]!;
}

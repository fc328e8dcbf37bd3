using System.Text.Json;
using Firewall.Core.Events;

namespace Firewall.Storage.Data;

/// <summary>The one place that turns a <see cref="SecurityEvent"/> into a row and back.</summary>
internal static class EventMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static EventRecord ToRecord(SecurityEvent e, byte[] fingerprint)
    {
        var (excerpt, truncated) = ContentExcerpt.Of(e.Content);
        var record = new EventRecord
        {
            EventId = e.EventId,
            OccurredAt = ToStoredTime(e.OccurredAt),
            ReceivedAt = ToStoredTime(e.ReceivedAt),
            AgentId = e.AgentId,
            Type = e.Type,
            Action = e.Action,
            Category = e.Category,
            Severity = e.Severity,
            AgentSeverity = e.AgentSeverity,
            RiskScore = e.RiskScore,
            Confidence = e.Confidence,
            Model = e.Model,
            SourceIp = e.Source?.Ip,
            SourceUserId = e.Source?.UserId,
            SourceSessionId = e.Source?.SessionId,
            Message = e.Message,
            Content = e.Content,
            ContentExcerpt = excerpt,
            ContentTruncated = truncated,
            Attributes = e.Attributes is null ? null : JsonSerializer.Serialize(e.Attributes, Json),
            Findings = JsonSerializer.Serialize(e.Findings, Json),
            Redactions = e.Redactions,
            RuleSetVersion = e.RuleSetVersion,
            DetectorModelVersion = e.DetectorModelVersion,
            Fingerprint = fingerprint,
        };
        record.InListIndex = ListIndex.Fits(record);
        return record;
    }

    public static SecurityEvent ToEvent(EventRecord r) => new()
    {
        Id = r.Id,
        EventId = r.EventId,
        OccurredAt = new DateTimeOffset(r.OccurredAt, TimeSpan.Zero),
        ReceivedAt = new DateTimeOffset(r.ReceivedAt, TimeSpan.Zero),
        AgentId = r.AgentId,
        Type = r.Type,
        Action = r.Action,
        Category = r.Category,
        Severity = r.Severity,
        AgentSeverity = r.AgentSeverity,
        RiskScore = r.RiskScore,
        Confidence = r.Confidence,
        Model = r.Model,
        Source = r.SourceIp is null && r.SourceUserId is null && r.SourceSessionId is null
            ? null
            : new EventSource(r.SourceIp, r.SourceUserId, r.SourceSessionId),
        Message = r.Message,
        Content = r.Content,
        Attributes = r.Attributes is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r.Attributes, Json),
        Findings = JsonSerializer.Deserialize<List<Finding>>(r.Findings, Json) ?? [],
        Redactions = r.Redactions,
        RuleSetVersion = r.RuleSetVersion,
        DetectorModelVersion = r.DetectorModelVersion,
    };

    /// <summary>
    /// UTC, truncated to microseconds: PostgreSQL keeps no finer, and a keyset cursor must compare equal to the stored value
    /// on every provider.
    /// </summary>
    public static DateTime ToStoredTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}

using Firewall.Core.Events;

namespace Firewall.Storage.Data;

/// <summary>A row of <c>events</c>: <see cref="SecurityEvent"/> flattened, with findings and attributes as JSON text.</summary>
internal sealed class EventRecord
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public required string AgentId { get; set; }
    public EventType Type { get; set; }
    public EventAction Action { get; set; }
    public OwaspCategory Category { get; set; }
    public Severity Severity { get; set; }
    public Severity? AgentSeverity { get; set; }
    public int RiskScore { get; set; }
    public double? Confidence { get; set; }
    public string? Model { get; set; }
    public string? SourceIp { get; set; }
    public string? SourceUserId { get; set; }
    public string? SourceSessionId { get; set; }
    public string? Message { get; set; }
    public string? Content { get; set; }

    /// <summary>The start of <see cref="Content"/> that list rows carry (<see cref="Data.ContentExcerpt"/>), stored so a page never reads a body.</summary>
    public string? ContentExcerpt { get; set; }

    public bool ContentTruncated { get; set; }
    public string? Attributes { get; set; }
    public required string Findings { get; set; }
    public int Redactions { get; set; }
    public required string RuleSetVersion { get; set; }
    public string? DetectorModelVersion { get; set; }
    /// <summary>Set by every writer; empty in list rows, which do not read it (it is not in the covering index).</summary>
    public byte[] Fingerprint { get; set; } = [];

    /// <summary>Whether the row's list columns fit the covering index of list rows (<see cref="ListIndex"/>); set when written.</summary>
    public bool InListIndex { get; set; }
}

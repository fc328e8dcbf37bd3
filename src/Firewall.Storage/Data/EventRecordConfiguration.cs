using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Firewall.Storage.Data;

/// <summary>The <c>events</c> table: two indexes only, because every write pays for each one.</summary>
internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id).HasName("pk_events");
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(e => e.EventId).HasColumnName("event_id");
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.ReceivedAt).HasColumnName("received_at");
        builder.Property(e => e.AgentId).HasColumnName("agent_id");
        builder.Property(e => e.Type).HasColumnName("type").HasConversion<short>();
        builder.Property(e => e.Action).HasColumnName("action").HasConversion<short>();
        builder.Property(e => e.Category).HasColumnName("category").HasConversion<short>();
        builder.Property(e => e.Severity).HasColumnName("severity").HasConversion<short>();
        builder.Property(e => e.AgentSeverity).HasColumnName("agent_severity").HasConversion<short?>();
        builder.Property(e => e.RiskScore).HasColumnName("risk_score");
        builder.Property(e => e.Confidence).HasColumnName("confidence");
        builder.Property(e => e.Model).HasColumnName("model");
        builder.Property(e => e.SourceIp).HasColumnName("source_ip");
        builder.Property(e => e.SourceUserId).HasColumnName("source_user_id");
        builder.Property(e => e.SourceSessionId).HasColumnName("source_session_id");
        builder.Property(e => e.Message).HasColumnName("message");
        builder.Property(e => e.Content).HasColumnName("content");
        builder.Property(e => e.ContentExcerpt).HasColumnName("content_excerpt");
        builder.Property(e => e.ContentTruncated).HasColumnName("content_truncated");
        builder.Property(e => e.Attributes).HasColumnName("attributes");
        builder.Property(e => e.Findings).HasColumnName("findings");
        builder.Property(e => e.Redactions).HasColumnName("redactions");
        builder.Property(e => e.RuleSetVersion).HasColumnName("rule_set_version");
        builder.Property(e => e.DetectorModelVersion).HasColumnName("detector_model_version");
        builder.Property(e => e.Fingerprint).HasColumnName("fingerprint").HasMaxLength(32);
        builder.Property(e => e.InListIndex).HasColumnName("in_list_index");

        // Serves every severity + time query and keyset pagination (docs/architecture.md, Storage). On PostgreSQL the
        // migration replaces it with the covering ix_events_list and ix_events_wide_occurred_at_id: raw SQL, as partitions are.
        builder.HasIndex(e => new { e.Severity, e.OccurredAt, e.Id }).HasDatabaseName("ix_events_severity_occurred_at_id");
        builder.HasIndex(e => e.EventId).IsUnique().HasDatabaseName("ux_events_event_id");
    }
}

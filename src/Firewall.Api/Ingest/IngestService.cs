using System.Diagnostics;
using System.Security.Claims;
using Firewall.Api.Benchmarking;
using Firewall.Api.Http;
using Firewall.Api.Operations;
using Firewall.Core.Events;
using Firewall.Storage.Writing;

namespace Firewall.Api.Ingest;

/// <summary>Admit (validate, normalize, fingerprint), classify and redact, then hand to the batch writer: the ingest path of ARCHITECTURE.md.</summary>
public sealed class IngestService(
    ClassificationStage classification, EventAdmission admission, IEventWriter writer, TimeProvider time, FirewallMetrics metrics)
{
    /// <summary>Turns a valid input into the event to store; throws <see cref="RequestValidationException"/> otherwise.</summary>
    public NewEvent Prepare(EventInput input, ClaimsPrincipal principal)
    {
        var (normalized, fingerprint) = admission.Admit(input, principal);
        var started = Stopwatch.GetTimestamp();
        var verdict = classification.Classify(normalized);
        metrics.Classified(Stopwatch.GetElapsedTime(started));
        var stored = new SecurityEvent
        {
            Id = 0,
            EventId = normalized.EventId ?? Guid.CreateVersion7(time.GetUtcNow()),
            OccurredAt = normalized.OccurredAt!.Value,
            ReceivedAt = time.GetUtcNow(),
            AgentId = verdict.AgentId!, // set in normalized, so set once redacted
            Type = normalized.Type!.Value,
            Action = normalized.Action!.Value,
            Severity = verdict.Severity,
            AgentSeverity = normalized.Severity,
            Category = verdict.Category,
            RiskScore = verdict.RiskScore,
            Confidence = normalized.Confidence,
            Model = verdict.Model,
            Source = verdict.Source,
            Message = verdict.Message,
            Content = verdict.Content,
            Attributes = verdict.Attributes,
            Findings = verdict.Findings,
            Redactions = verdict.Redactions,
            RuleSetVersion = verdict.RuleSetVersion,
            DetectorModelVersion = verdict.ModelVersion,
        };
        return new NewEvent(stored, fingerprint);
    }

    public Task<IReadOnlyList<WriteResult>> StoreAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken) =>
        writer.WriteAsync(events, cancellationToken);
}

using System.Security.Claims;
using Firewall.Api.Http;
using Firewall.Core.Events;
using FluentValidation;

namespace Firewall.Api.Ingest;

/// <summary>
/// The part of ingest before classification: validate, normalize, fingerprint. Apart from the classifier so the
/// per-event cost around it can be measured alone (bench/Firewall.Bench.Classifier, IngestPrepareBenchmarks).
/// </summary>
public sealed class EventAdmission(IValidator<EventInput> validator)
{
    /// <summary>The normalized input and its fingerprint; throws <see cref="RequestValidationException"/> when it is not valid.</summary>
    public (EventInput Normalized, EventFingerprint Fingerprint) Admit(EventInput input, ClaimsPrincipal principal)
    {
        var failures = validator.Validate(input);
        if (!failures.IsValid)
        {
            throw new RequestValidationException(failures.Errors.ToErrors());
        }

        // An agentId defaulted from the token's subject is redacted too: an external authority's subject may be an e-mail.
        var normalized = input with
        {
            AgentId = input.AgentId ?? principal.FindFirstValue("sub") ?? "unknown",
            OccurredAt = input.OccurredAt!.Value.ToUniversalTime(),
        };
        return (normalized, EventFingerprint.Compute(normalized));
    }
}

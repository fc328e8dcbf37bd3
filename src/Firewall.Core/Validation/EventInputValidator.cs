using System.Text.Json;
using Firewall.Core.Events;
using FluentValidation;

namespace Firewall.Core.Validation;

/// <summary>Every limit API.md sets on one posted event. Property names are the JSON paths.</summary>
public sealed class EventInputValidator : AbstractValidator<EventInput>
{
    private const int AttributeKeyMaxLength = 64;

    public EventInputValidator(TimeProvider time)
    {
        RuleFor(e => e.OccurredAt).NotNull().WithMessage("is required.")
            .Must(at => at is null || at.Value <= time.GetUtcNow() + EventLimits.MaxClockAhead)
            .WithMessage("must not be more than 5 minutes in the future.")
            .Must(at => at is null || at.Value.UtcDateTime.Year >= 2000)
            .WithMessage("must not be before the year 2000.");
        RuleFor(e => e.Type).NotNull().WithMessage("is required.");
        RuleFor(e => e.Action).NotNull().WithMessage("is required.");
        RuleFor(e => e.EventId).Must(id => id != Guid.Empty).WithMessage("must not be the empty UUID.");
        RuleFor(e => e.Confidence).InclusiveBetween(0, 1).WithMessage("must be between 0 and 1.");
        RuleFor(e => e.Message).Utf8Text(EventLimits.MessageMaxBytes);
        RuleFor(e => e.Content).Utf8Text(EventLimits.ContentMaxBytes);
        RuleFor(e => e.AgentId).ShortText();
        RuleFor(e => e.Model).ShortText();
        When(e => e.Source is not null, () =>
        {
            RuleFor(e => e.Source!.Ip).ShortText().OverridePropertyName("source.ip");
            RuleFor(e => e.Source!.UserId).ShortText().OverridePropertyName("source.userId");
            RuleFor(e => e.Source!.SessionId).ShortText().OverridePropertyName("source.sessionId");
        });
        RuleFor(e => e.Attributes).Must(a => a is null || a.Count <= EventLimits.AttributesMaxKeys)
            .WithMessage($"must have at most {EventLimits.AttributesMaxKeys} keys.");
        RuleForEach(e => e.Attributes).Must(IsScalarAttribute)
            .WithMessage($"each attribute needs a key of 1 to {AttributeKeyMaxLength} characters and a value that is a string of at most {EventLimits.ShortTextMaxLength} characters, a number, a boolean or null, without U+0000.");
    }

    private static bool IsScalarAttribute(KeyValuePair<string, JsonElement> pair) =>
        pair.Key.Length is > 0 and <= AttributeKeyMaxLength && TextRules.HasNoNul(pair.Key) && pair.Value.ValueKind switch
        {
            JsonValueKind.String => pair.Value.GetString() is { Length: <= EventLimits.ShortTextMaxLength } s && TextRules.HasNoNul(s),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        };
}

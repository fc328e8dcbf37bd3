using System.Text;
using Firewall.Core.Events;
using FluentValidation;

namespace Firewall.Core.Validation;

/// <summary>Rules shared by every free-text field of an event.</summary>
internal static class TextRules
{
    public const string NulMessage = "must not contain U+0000.";

    public static bool HasNoNul(string? value) => value is null || !value.Contains('\0', StringComparison.Ordinal);

    /// <summary>At most <see cref="EventLimits.ShortTextMaxLength"/> characters and no U+0000.</summary>
    public static IRuleBuilderOptions<T, string?> ShortText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => s is null || s.Length <= EventLimits.ShortTextMaxLength)
            .WithMessage($"must be at most {EventLimits.ShortTextMaxLength} characters.")
            .Must(HasNoNul).WithMessage(NulMessage);

    /// <summary>At most <paramref name="maxBytes"/> bytes once encoded as UTF-8, and no U+0000.</summary>
    public static IRuleBuilderOptions<T, string?> Utf8Text<T>(this IRuleBuilder<T, string?> rule, int maxBytes) =>
        rule.Must(s => s is null || Encoding.UTF8.GetByteCount(s) <= maxBytes)
            .WithMessage($"must be at most {maxBytes} bytes of UTF-8.")
            .Must(HasNoNul).WithMessage(NulMessage);
}

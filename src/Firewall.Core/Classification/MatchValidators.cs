using System.Collections.Frozen;
using Firewall.Core.Redaction;

namespace Firewall.Core.Classification;

/// <summary>The checks a rule names in its "validator" field, for what a regex cannot decide.</summary>
public static class MatchValidators
{
    public static readonly FrozenDictionary<string, MatchValidator> ByName = new Dictionary<string, MatchValidator>
    {
        ["luhn"] = Luhn.IsValidCardNumber,
        ["iban"] = Iban.IsValid,
        ["us_ssn"] = UsSsn.IsValid,
        ["base64_instruction"] = Base64Instruction.IsEncodedText,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

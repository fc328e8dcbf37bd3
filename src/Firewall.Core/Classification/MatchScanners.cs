using System.Collections.Frozen;
using Firewall.Core.Redaction;

namespace Firewall.Core.Classification;

/// <summary>The scanners a rule names in its "scanner" field, each the C# twin of one pattern.</summary>
public static class MatchScanners
{
    public static readonly FrozenDictionary<string, MatchScanner> ByName = new Dictionary<string, MatchScanner>
    {
        ["repeated_character"] = RepeatedCharacter.Find,
        ["repeated_token"] = RepeatedToken.Find,
        ["base64_run"] = Base64Run.Find,
        ["email_address"] = EmailAddress.Find,
        ["card_number"] = CardNumber.Find,
        ["us_ssn"] = SocialSecurityNumber.Find,
        ["url_password"] = UrlPassword.Find,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

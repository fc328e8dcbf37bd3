using Firewall.Core.Privacy;

namespace Firewall.Api.Privacy;

/// <summary>Configuration section <c>Firewall:Privacy</c>: keyed pseudonyms for the user and session ids of events.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Firewall:Privacy";

    /// <summary>Store <c>source.userId</c> as <c>u_…</c> and <c>source.sessionId</c> as <c>s_…</c> instead of redacting them.</summary>
    public bool PseudonymiseUserIds { get; set; }

    /// <summary>Base64, at least 256 bits; required when <see cref="PseudonymiseUserIds"/> is on. A secret: never logged.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>The pseudonymiser when pseudonyms are on, null otherwise; the options are validated at start-up first.</summary>
    public Pseudonymiser? CreatePseudonymiser() =>
        PseudonymiseUserIds ? new Pseudonymiser(Convert.FromBase64String(PseudonymKey!.Trim())) : null;
}

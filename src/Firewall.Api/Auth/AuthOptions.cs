using System.ComponentModel.DataAnnotations;
using Firewall.Core.Auth;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Auth;

/// <summary>Configuration section <c>Firewall:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Firewall:Auth";

    /// <summary>Base64, at least 256 bits. Outside Development a missing key (and no Authority) stops start-up.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Keys that signed tokens before the current <see cref="SigningKey"/>: accepted for validation only, during a rotation.
    /// Base64, at least 256 bits each, checked at start-up like the signing key.
    /// </summary>
    public List<string> PreviousSigningKeys { get; set; } = [];

    [Required] public string Issuer { get; set; } = TokenSettings.DefaultIssuer;

    [Required] public string Audience { get; set; } = TokenSettings.DefaultAudience;

    /// <summary>An OpenID Connect authority whose published keys validate tokens instead of the signing key.</summary>
    public Uri? Authority { get; set; }

    /// <summary>Lifetime of tokens from the token endpoint.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How many validated tokens are remembered, each until it expires, so that a request with a known token skips the
    /// signature check (docs/architecture.md, "Validated-token cache"); 0 validates every request in full.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ValidatedTokenCacheLimit { get; set; } = 10_000;

    /// <summary>Client-credentials clients; only hashes of their secrets are configured.</summary>
    [ValidateEnumeratedItems] public List<ClientOptions> Clients { get; set; } = [];

    public sealed class ClientOptions
    {
        [Required] public string Id { get; set; } = "";

        /// <summary>From <c>firewall hash-secret</c>: pbkdf2-sha256$iterations$salt$hash.</summary>
        [Required] public string SecretHash { get; set; } = "";

        [MinLength(1)] public List<string> Roles { get; set; } = [];
    }
}

/// <summary>Source-generated validation that also checks each configured client.</summary>
[OptionsValidator]
public sealed partial class AuthOptionsValidator : IValidateOptions<AuthOptions>;

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Firewall.Api.Auth;

/// <summary>
/// Tokens that passed full validation, so the next request with the same token skips the signature check and claims building.
/// Keyed by the SHA-256 of the token string (a different string, forged or not, is never a hit), bounded in count, each entry
/// kept until the token expires (plus the clock skew) and served only while the key that signed it is still a validation key.
/// </summary>
public sealed class ValidatedTokens : IDisposable
{
    private readonly MemoryCache? _entries;
    private readonly TimeProvider _time;

    public ValidatedTokens(IOptions<AuthOptions> options, TimeProvider time)
    {
        var limit = options.Value.ValidatedTokenCacheLimit;
        _entries = limit > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = limit }) : null;
        _time = time;
    }

    private sealed record Entry(ClaimsIdentity Identity, SecurityToken Token, string? Issuer, string? TokenType);

    /// <summary>The cache key of <paramref name="token"/>: its hash, so the token itself is never a key.</summary>
    public static string KeyOf(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The remembered result for <paramref name="key"/>: valid with a fresh copy of the claims, or invalid when the token
    /// has expired since; null when nothing usable is remembered (unknown, or its signing key is no longer trusted).
    /// </summary>
    public async ValueTask<TokenValidationResult?> FindAsync(string key, TokenValidationParameters parameters)
    {
        if (_entries is null || !_entries.TryGetValue(key, out Entry? entry) || entry is null)
        {
            return null;
        }

        if (!await IsTrustedAsync(entry.Token.SigningKey, parameters))
        {
            _entries.Remove(key);
            return null;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (now > entry.Token.ValidTo + parameters.ClockSkew)
        {
            _entries.Remove(key);
            return new TokenValidationResult
            {
                IsValid = false,
                Exception = new SecurityTokenExpiredException($"The token expired at {entry.Token.ValidTo:O}.") { Expires = entry.Token.ValidTo },
            };
        }

        // A copy per request: the principal built from it is the request's own, whatever later code adds to it.
        return new TokenValidationResult { IsValid = true, ClaimsIdentity = entry.Identity.Clone(), SecurityToken = entry.Token, Issuer = entry.Issuer, TokenType = entry.TokenType };
    }

    /// <summary>Remembers a successful validation until the token expires; failures are never remembered.</summary>
    public void Remember(string key, TokenValidationResult result, TokenValidationParameters parameters)
    {
        if (_entries is null || !result.IsValid || result.SecurityToken is not { SigningKey: not null } token || token.ValidTo == DateTime.MinValue)
        {
            return;
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc) + parameters.ClockSkew);
        _entries.Set(key, new Entry(result.ClaimsIdentity, token, result.Issuer, result.TokenType),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expires });
    }

    public void Dispose() => _entries?.Dispose();

    /// <summary>
    /// Whether <paramref name="signingKey"/> is still one of the validation keys: the configured ones, or the authority's current
    /// set. Compared by instance, so a refreshed key set costs each token one full validation and a withdrawn key validates nothing.
    /// </summary>
    private static async ValueTask<bool> IsTrustedAsync(SecurityKey signingKey, TokenValidationParameters parameters)
    {
        if (ReferenceEquals(parameters.IssuerSigningKey, signingKey) || parameters.IssuerSigningKeys?.Contains(signingKey) == true)
        {
            return true;
        }

        return parameters.ConfigurationManager is { } manager
            && (await manager.GetBaseConfigurationAsync(CancellationToken.None)).SigningKeys.Contains(signingKey);
    }
}

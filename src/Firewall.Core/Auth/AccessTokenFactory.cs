using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Firewall.Core.Auth;

/// <summary>
/// Mints HS256 access tokens typed <c>at+jwt</c> with the claims RFC 9068 asks for (<c>client_id</c>, <c>jti</c>); the token
/// endpoint and the CLI share it so their tokens cannot differ.
/// </summary>
public static class AccessTokenFactory
{
    public static string Create(TokenSettings settings, string subject, IEnumerable<string> roles, DateTimeOffset now, TimeSpan lifetime)
    {
        // Client credentials: the subject is the client itself (RFC 9068 §2.2).
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, subject),
            new("client_id", subject),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = AccessTokenType.Minted,
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(settings.SigningKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}

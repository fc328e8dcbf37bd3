using Microsoft.IdentityModel.Tokens;

namespace Firewall.Core.Auth;

/// <summary>
/// Explicit typing of access tokens (RFC 8725 §3.11): the API takes a JWT whose <c>typ</c> header is absent, <c>JWT</c> or
/// <c>at+jwt</c> (RFC 9068), compared as media types are (RFC 7515 §4.1.9: case-insensitive, <c>application/</c> optional).
/// Anything else, such as a validly signed <c>refresh+jwt</c> or an ID token typed for another use, is refused.
/// </summary>
public static class AccessTokenType
{
    /// <summary>What this service mints.</summary>
    public const string Minted = "at+jwt";

    private const string MediaTypePrefix = "application/";

    public static bool IsAccepted(string? typ)
    {
        if (string.IsNullOrEmpty(typ))
        {
            return true;
        }

        var name = typ.StartsWith(MediaTypePrefix, StringComparison.OrdinalIgnoreCase) ? typ[MediaTypePrefix.Length..] : typ;
        return name.Equals("JWT", StringComparison.OrdinalIgnoreCase) || name.Equals(Minted, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A <see cref="TokenValidationParameters.TypeValidator"/>. The library's own <c>ValidTypes</c> check would refuse an
    /// absent <c>typ</c> (IDX10256) and compares case-sensitively, so the rule lives here.
    /// </summary>
    public static string Validate(string? type, SecurityToken securityToken, TokenValidationParameters validationParameters) =>
        IsAccepted(type)
            ? type ?? ""
            : throw new SecurityTokenInvalidTypeException("The token's typ header is not JWT or at+jwt.") { InvalidType = type };
}

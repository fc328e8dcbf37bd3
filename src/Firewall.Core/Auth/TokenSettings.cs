namespace Firewall.Core.Auth;

/// <summary>What an HS256 access token is signed with and for whom.</summary>
public sealed record TokenSettings(byte[] SigningKey, string Issuer, string Audience)
{
    public const string DefaultIssuer = "firewall";
    public const string DefaultAudience = "firewall-api";
    public const int MinKeyBytes = 32;
}

using Firewall.Core.Auth;

namespace Firewall.Cli;

/// <summary>Tokens signed with the API's own key (see <see cref="SigningKeyLocator"/>), for the issuer and audience it expects.</summary>
internal static class LocalTokens
{
    public static string Mint(byte[] key, string subject, IEnumerable<string> roles, TimeSpan lifetime)
    {
        var settings = new TokenSettings(
            key,
            Environment.GetEnvironmentVariable("Firewall__Auth__Issuer") ?? TokenSettings.DefaultIssuer,
            Environment.GetEnvironmentVariable("Firewall__Auth__Audience") ?? TokenSettings.DefaultAudience);
        return AccessTokenFactory.Create(settings, subject, roles, DateTimeOffset.UtcNow, lifetime);
    }
}

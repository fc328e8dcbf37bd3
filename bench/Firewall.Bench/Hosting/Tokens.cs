using System.Security.Cryptography;
using Firewall.Core.Auth;

namespace Firewall.Bench.Hosting;

/// <summary>The run's random signing key and the tokens minted with it, the way the CLI's <c>token</c> command mints them.</summary>
public sealed class Tokens
{
    private readonly TokenSettings _settings;

    public Tokens(byte[] key)
    {
        _settings = new TokenSettings(key, TokenSettings.DefaultIssuer, TokenSettings.DefaultAudience);
        SigningKey = Convert.ToBase64String(key);
    }

    public string SigningKey { get; }

    public static Tokens Random() => new(RandomNumberGenerator.GetBytes(32));

    public string For(string role) => AccessTokenFactory.Create(_settings, $"bench-{role}", [role], DateTimeOffset.UtcNow, TimeSpan.FromHours(2));
}

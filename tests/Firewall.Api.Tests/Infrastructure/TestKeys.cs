using System.Security.Cryptography;
using Firewall.Core.Auth;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>Signing material for tests: a key the API trusts and one it does not. Generated per run, never committed.</summary>
public static class TestKeys
{
    public static readonly byte[] Trusted = RandomNumberGenerator.GetBytes(32);
    public static readonly byte[] Foreign = RandomNumberGenerator.GetBytes(32);

    public static readonly TokenSettings Settings = new(Trusted, TokenSettings.DefaultIssuer, TokenSettings.DefaultAudience);

    /// <summary>A real HS256 token the API accepts, for <paramref name="roles"/>.</summary>
    public static string TokenFor(params string[] roles) => TokenSignedWith(Trusted, roles);

    /// <summary>A real HS256 token for <paramref name="roles"/>, signed with <paramref name="key"/>.</summary>
    public static string TokenSignedWith(byte[] key, params string[] roles) =>
        AccessTokenFactory.Create(Settings with { SigningKey = key }, $"test-{string.Join('-', roles)}", roles, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
}

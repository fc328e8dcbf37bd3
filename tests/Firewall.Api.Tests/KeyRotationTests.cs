using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Firewall.Api.Tests;

/// <summary>
/// Signing-key rotation over HTTP: <c>Firewall:Auth:PreviousSigningKeys</c> still validate the tokens they signed while
/// <c>Firewall:Auth:SigningKey</c> (<see cref="TestKeys.Trusted"/>) is the only key that signs.
/// </summary>
public sealed class KeyRotationTests
{
    private static readonly byte[] Previous = RandomNumberGenerator.GetBytes(32);

    /// <summary>The API with a token client and <paramref name="previousKeys"/> (base64) as the previous signing keys.</summary>
    private sealed class RotationFactory(params string[] previousKeys) : ClientsFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            base.Settings.Concat(previousKeys.Select((key, index) =>
                new KeyValuePair<string, string?>($"Firewall:Auth:PreviousSigningKeys:{index}", key)));
    }

    [Fact]
    public async Task ATokenSignedWithAPreviousKeyIsAcceptedWhileTheKeyIsListed()
    {
        using var factory = new RotationFactory(Convert.ToBase64String(Previous));

        var response = await ReadEvents(factory, TestKeys.TokenSignedWith(Previous, Roles.Analyst));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AfterThePreviousKeyLeavesTheListItsTokensAreRejected()
    {
        var token = TestKeys.TokenSignedWith(Previous, Roles.Analyst);
        using var factory = new RotationFactory();

        var response = await ReadEvents(factory, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheTokenEndpointSignsWithTheCurrentKeyNotAPreviousOne()
    {
        using var factory = new RotationFactory(Convert.ToBase64String(Previous));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "edge-agent",
            ["client_secret"] = ClientsFactory.Secret,
        });

        using var body = await (await factory.CreateClient().PostAsync("/api/v1/auth/token", form)).ReadJsonAsync();
        var token = body.RootElement.GetProperty("access_token").GetString()!;

        Assert.True(await SignedWith(TestKeys.Trusted, token));
        Assert.False(await SignedWith(Previous, token));
    }

    [Fact]
    public void APreviousKeyShorterThan256BitsStopsStartUpNamingTheSetting()
    {
        using var factory = new RotationFactory(Convert.ToBase64String(Previous), Convert.ToBase64String(new byte[16]));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Firewall:Auth:PreviousSigningKeys:1", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("at least 256", failure.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> ReadEvents(FirewallApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.GetAsync("/api/v1/events");
    }

    private static async Task<bool> SignedWith(byte[] key, string token)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(key),
            ValidateIssuer = false,
            ValidateAudience = false,
        });
        return result.IsValid;
    }
}

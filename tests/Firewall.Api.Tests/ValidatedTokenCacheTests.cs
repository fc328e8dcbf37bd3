using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Firewall.Api.Tests;

/// <summary>
/// The validated-token cache over HTTP with real tokens: a remembered token still expires, a different string is never a hit,
/// and a key that stops being a validation key stops validating the tokens remembered under it.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly byte[] Previous = RandomNumberGenerator.GetBytes(32);

    /// <summary>The API on a clock the test moves, with a validation key set the test can withdraw <see cref="Previous"/> from.</summary>
    private sealed class TokenCacheFactory : FirewallApiFactory
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        public bool TrustPrevious { get; private set; } = true;

        /// <summary>Withdraws <see cref="Previous"/> and rebuilds JwtBearer's options, as a key-set refresh does.</summary>
        public void WithdrawPreviousKey()
        {
            TrustPrevious = false;
            Services.GetRequiredService<IOptionsMonitorCache<JwtBearerOptions>>().TryRemove(JwtBearerDefaults.AuthenticationScheme);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
                    jwt.TokenValidationParameters.IssuerSigningKeys = TrustPrevious
                        ? [new SymmetricSecurityKey(TestKeys.Trusted), new SymmetricSecurityKey(Previous)]
                        : [new SymmetricSecurityKey(TestKeys.Trusted)]);
            });
        }
    }

    [Fact]
    public async Task ATokenRememberedWhileValidIsRefusedOnceItHasExpired()
    {
        using var factory = new TokenCacheFactory();
        var token = TestKeys.TokenFor(Roles.Analyst); // five minutes, 30 s of clock skew
        Assert.Equal(HttpStatusCode.OK, (await ReadEvents(factory, token)).StatusCode);

        factory.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, (await ReadEvents(factory, token)).StatusCode);
    }

    [Fact]
    public async Task AForgedTokenThatBorrowsARememberedTokensSignatureIsRefused()
    {
        using var factory = new TokenCacheFactory();
        var token = TestKeys.TokenFor(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await ReadEvents(factory, token)).StatusCode);
        var parts = token.Split('.');
        var forgedPayload = Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace("\"analyst\"", "\"admin\"", StringComparison.Ordinal));

        var forged = await ReadEvents(factory, $"{parts[0]}.{forgedPayload}.{parts[2]}");

        Assert.NotEqual(parts[1], forgedPayload);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task ARememberedTokenIsRefusedOnceItsSigningKeyIsWithdrawn()
    {
        using var factory = new TokenCacheFactory();
        var signedWithPrevious = TestKeys.TokenSignedWith(Previous, Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await ReadEvents(factory, signedWithPrevious)).StatusCode);

        factory.WithdrawPreviousKey();

        Assert.Equal(HttpStatusCode.Unauthorized, (await ReadEvents(factory, signedWithPrevious)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReadEvents(factory, TestKeys.TokenFor(Roles.Analyst))).StatusCode);
    }

    private static Task<HttpResponseMessage> ReadEvents(FirewallApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.GetAsync("/api/v1/events");
    }
}

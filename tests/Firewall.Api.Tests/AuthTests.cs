using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Firewall.Api.Tests;

public abstract class AuthTests(FirewallApiFactory factory)
{
    private const string Events = "/api/v1/events";

    [Fact]
    public async Task ARequestWithoutTokenIs401WithABearerChallengeAndAProblem()
    {
        var response = await factory.CreateClient().GetAsync(Events);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ATokenExpiredBy31SecondsIsRejected()
    {
        var token = Sign(TestKeys.Trusted, expires: DateTime.UtcNow.AddSeconds(-31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWith(token)).StatusCode);
    }

    [Fact]
    public async Task ATokenExpiredWithinTheClockSkewIsAccepted()
    {
        var token = Sign(TestKeys.Trusted, expires: DateTime.UtcNow.AddSeconds(-10));

        Assert.Equal(HttpStatusCode.OK, (await GetWith(token)).StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithAForeignKeyIsRejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWith(Sign(TestKeys.Foreign))).StatusCode);

    [Fact]
    public async Task ATokenForAnotherAudienceIsRejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWith(Sign(TestKeys.Trusted, audience: "someone-else"))).StatusCode);

    [Fact]
    public async Task ATokenFromAnotherIssuerIsRejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWith(Sign(TestKeys.Trusted, issuer: "evil"))).StatusCode);

    [Fact]
    public async Task AnUnsignedAlgNoneTokenIsRejected()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"x","role":"analyst","iss":"firewall","aud":"firewall-api","exp":{{exp}}}""");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWith($"{header}.{payload}.")).StatusCode);
    }

    [Fact]
    public async Task AnAgentMayNotQuery() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.Agent().GetAsync(Events)).StatusCode);

    [Fact]
    public async Task AnAnalystMayNotIngest()
    {
        var response = await factory.Analyst().PostAsync(Infrastructure.Events.Valid());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnAdminMayDoBoth()
    {
        var admin = factory.ClientFor(Roles.Admin);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync(Infrastructure.Events.Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Events)).StatusCode);
    }

    [Fact]
    public async Task RolesMayComeAsAnArrayClaim()
    {
        var token = Sign(TestKeys.Trusted, roles: ["agent", "analyst"]);

        Assert.Equal(HttpStatusCode.OK, (await GetWith(token)).StatusCode);
    }

    [Fact]
    public async Task TheChallengeGivesNoValidationDetailOutsideDevelopment()
    {
        var response = await GetWith(Sign(TestKeys.Foreign));

        Assert.DoesNotContain("error_description", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refresh+jwt")]
    [InlineData("id_token+jwt")]
    [InlineData("application/json")]
    public async Task AValidlySignedTokenOfAnotherTypeIsRejectedForQueriesAndIngest(string typ)
    {
        var token = SignTyped($$"""{"alg":"HS256","typ":"{{typ}}"}""", "analyst", "agent");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWith(token)).StatusCode);
        var agent = factory.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.PostAsync(Infrastructure.Events.Valid())).StatusCode);
    }

    [Theory]
    [InlineData("""{"alg":"HS256"}""")]
    [InlineData("""{"alg":"HS256","typ":"JWT"}""")]
    [InlineData("""{"alg":"HS256","typ":"jwt"}""")]
    [InlineData("""{"alg":"HS256","typ":"at+jwt"}""")]
    [InlineData("""{"alg":"HS256","typ":"application/AT+JWT"}""")]
    public async Task AnAccessTokenTypedJwtOrAtJwtOrUntypedIsAccepted(string header) =>
        Assert.Equal(HttpStatusCode.OK, (await GetWith(SignTyped(header, "analyst"))).StatusCode);

    [Fact]
    public void TokensThisServiceMintsAreTypedAtJwt() =>
        Assert.Equal("at+jwt", new JsonWebToken(TestKeys.TokenFor(Roles.Agent)).Typ);

    private async Task<HttpResponseMessage> GetWith(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(Events);
    }

    private static string Sign(
        byte[] key, DateTime? expires = null, string audience = TokenSettings.DefaultAudience, string issuer = TokenSettings.DefaultIssuer,
        string algorithm = SecurityAlgorithms.HmacSha256, string[]? roles = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(5);
        var claims = new List<Claim> { new("sub", "test") };
        claims.AddRange((roles ?? ["analyst"]).Select(r => new Claim("role", r)));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expiry.AddMinutes(-10),
            NotBefore = expiry.AddMinutes(-10),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), algorithm),
        });
    }

    /// <summary>An HS256 token with the trusted key and exactly <paramref name="headerJson"/> as its JOSE header (the handler always writes a typ).</summary>
    private static string SignTyped(string headerJson, params string[] roles)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = "test-typed", ["role"] = roles, ["iss"] = TokenSettings.DefaultIssuer, ["aud"] = TokenSettings.DefaultAudience,
            ["iat"] = now.ToUnixTimeSeconds(), ["nbf"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
        });
        var signingInput = $"{Base64UrlEncoder.Encode(headerJson)}.{Base64UrlEncoder.Encode(payload)}";
        var signature = HMACSHA256.HashData(TestKeys.Trusted, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }
}

public sealed class AuthTestsOnSqlite(FirewallApiFactory factory) : AuthTests(factory), IClassFixture<FirewallApiFactory>;

public sealed class AuthTestsOnPostgres(PostgresApiFactory factory) : AuthTests(factory), IClassFixture<PostgresApiFactory>;

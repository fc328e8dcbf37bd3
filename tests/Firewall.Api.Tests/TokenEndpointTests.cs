using System.Net;
using System.Net.Http.Headers;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Firewall.Storage;

namespace Firewall.Api.Tests;

/// <summary>One client-credentials client, on SQLite; <see cref="ClientsPostgresFactory"/> is its PostgreSQL twin.</summary>
public class ClientsFactory : FirewallApiFactory
{
    public const string Secret = "a-long-client-secret-for-tests";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Firewall:Auth:Clients:0:Id", "edge-agent"),
        new("Firewall:Auth:Clients:0:SecretHash", ClientSecretHash.Create(Secret)),
        new("Firewall:Auth:Clients:0:Roles:0", "agent"),
    ];
}

public sealed class ClientsPostgresFactory : ClientsFactory
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public abstract class TokenEndpointTests(ClientsFactory factory)
{
    [Fact]
    public async Task ValidClientCredentialsGetABearerTokenTheApiAccepts()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/auth/token", Form("edge-agent", ClientsFactory.Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await response.ReadJsonAsync();
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(900, body.RootElement.GetProperty("expires_in").GetInt32());
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal("at+jwt", new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Typ);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Events.Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/events")).StatusCode);
    }

    [Theory]
    [InlineData("edge-agent", "wrong-secret")]
    [InlineData("nobody", ClientsFactory.Secret)]
    public async Task WrongCredentialsAreInvalidClient(string id, string secret)
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/auth/token", Form(id, secret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await response.ReadJsonAsync();
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AnotherGrantTypeIsUnsupported()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = "edge-agent", ["client_secret"] = "x" });

        var response = await factory.CreateClient().PostAsync("/api/v1/auth/token", form);

        using var body = await response.ReadJsonAsync();
        Assert.Equal("unsupported_grant_type", body.RootElement.GetProperty("error").GetString());
    }

    private static FormUrlEncodedContent Form(string id, string secret) =>
        new(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret });
}

public sealed class TokenEndpointTestsOnSqlite(ClientsFactory factory) : TokenEndpointTests(factory), IClassFixture<ClientsFactory>;

public sealed class TokenEndpointTestsOnPostgres(ClientsPostgresFactory factory) : TokenEndpointTests(factory), IClassFixture<ClientsPostgresFactory>;

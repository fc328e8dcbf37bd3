using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Firewall.Cli.Simulation;

/// <summary>
/// The bearer token simulate sends: one given on the command line, or one it can issue again before it expires (minted
/// with the local signing key, or fetched from the token endpoint with client credentials), so long runs keep working.
/// </summary>
internal sealed class AgentToken
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LocalLifetime = TimeSpan.FromMinutes(15);

    private readonly Func<Task<Issued>> _issue;
    private readonly object _gate = new();
    private Task<Issued>? _current;

    private AgentToken(Func<Task<Issued>> issue) => _issue = issue;

    /// <summary>Where the token comes from, for messages.</summary>
    public required string Source { get; init; }

    public static AgentToken Given(string token) =>
        new(() => Task.FromResult(new Issued(token, DateTimeOffset.MaxValue))) { Source = "the token given with --token" };

    public static AgentToken Minted(byte[] key) =>
        new(() => Task.FromResult(new Issued(LocalTokens.Mint(key, "cli-simulate", ["agent"], LocalLifetime), DateTimeOffset.UtcNow + LocalLifetime)))
        {
            Source = "an agent token signed with the local key",
        };

    /// <summary>The OAuth 2.0 client-credentials grant of POST /api/v1/auth/token.</summary>
    public static AgentToken FromClient(HttpClient http, string clientId, string clientSecret) => new(async () =>
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        using var response = await http.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), form);
        if (!response.IsSuccessStatusCode)
        {
            throw new TokenRefusedException(
                $"The token endpoint refused client '{clientId}' ({(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}).");
        }

        var grant = await response.Content.ReadFromJsonAsync<Grant>() ?? throw new TokenRefusedException("The token endpoint answered no token.");
        return new Issued(grant.AccessToken, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(grant.ExpiresIn));
    })
    {
        Source = $"a token for client '{clientId}' from the token endpoint",
    };

    /// <summary>The current token, issued again when it is about to expire.</summary>
    public Task<string> GetAsync()
    {
        Task<Issued> current;
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted || (_current.IsCompletedSuccessfully && _current.Result.Expires - DateTimeOffset.UtcNow < RenewBefore))
            {
                _current = _issue();
            }

            current = _current;
        }

        return TokenOf(current);
    }

    private static async Task<string> TokenOf(Task<Issued> issued) => (await issued).Token;

    private sealed record Issued(string Token, DateTimeOffset Expires);

    private sealed record Grant(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

using Firewall.Core.Auth;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Auth;

/// <summary>Checks client-credentials against the configured clients; an unknown client costs as much as a wrong secret.</summary>
public sealed class ClientCredentials(IOptions<AuthOptions> options)
{
    private static readonly string DecoyHash = ClientSecretHash.Create(Guid.NewGuid().ToString());

    /// <summary>The client's roles, or null when the id or secret is wrong.</summary>
    public IReadOnlyList<string>? Authenticate(string clientId, string clientSecret)
    {
        var client = options.Value.Clients.FirstOrDefault(c => string.Equals(c.Id, clientId, StringComparison.Ordinal));
        var valid = ClientSecretHash.Verify(clientSecret, client?.SecretHash ?? DecoyHash);
        return valid && client is not null ? client.Roles : null;
    }
}

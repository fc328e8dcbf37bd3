using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Firewall.Browser.Tests.Infrastructure;

/// <summary>
/// The API on a real loopback port (Kestrel, not the in-memory test server), so a browser can load the console from
/// it; with one client-credentials client for the sign-in form. One host serves every browser test: each test writes
/// its own agent ids and filters on them.
/// </summary>
public sealed class ConsoleHost : FirewallApiFactory
{
    public const string ClientId = "console-analyst";
    public static readonly string ClientSecret = Guid.NewGuid().ToString("N");

    public ConsoleHost() => UseKestrel(0);

    /// <summary>Where the console is served, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        }
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Firewall:Auth:Clients:0:Id", ClientId),
        new("Firewall:Auth:Clients:0:SecretHash", ClientSecretHash.Create(ClientSecret)),
        new("Firewall:Auth:Clients:0:Roles:0", Roles.Analyst),
    ];
}

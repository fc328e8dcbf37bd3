using System.Net.Http.Headers;
using Firewall.Core.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// The real API over HTTP on a fresh SQLite file, in the Production environment (no development shortcuts), with the
/// test signing key. Subclasses or <see cref="Settings"/> change configuration per test class.
/// </summary>
public class FirewallApiFactory : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "firewall-tests", Guid.NewGuid().ToString("N"));

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Firewall:DataPath", _dataPath);
        builder.UseSetting("Firewall:Store:MigrateOnStartup", "true");
        builder.UseSetting("Firewall:Auth:SigningKey", Convert.ToBase64String(TestKeys.Trusted));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An HTTP client carrying a real bearer token for <paramref name="roles"/>.</summary>
    public HttpClient ClientFor(params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.TokenFor(roles));
        return client;
    }

    public HttpClient Agent() => ClientFor(Roles.Agent);

    public HttpClient Analyst() => ClientFor(Roles.Analyst);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataPath))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}

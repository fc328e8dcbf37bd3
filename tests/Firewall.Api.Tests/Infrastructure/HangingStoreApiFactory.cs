using System.Globalization;
using Firewall.Testing;
using Npgsql;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// The API on its own PostgreSQL database, reached through a <see cref="FaultProxy"/> that tests blackhole to hang
/// the store (as SIGSTOP would), with a request deadline of <see cref="Deadline"/>. <see cref="FirewallApiFactory.StoreConnectionString"/>
/// stays the direct way in, for the test's own connections.
/// </summary>
public sealed class HangingStoreApiFactory : PostgresApiFactory
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    private FaultProxy? _proxy;

    public FaultProxy Proxy => _proxy ??= StartProxy();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Firewall:Store:RequestDeadline", Deadline.ToString("c", CultureInfo.InvariantCulture)),
        new("ConnectionStrings:Firewall", new NpgsqlConnectionStringBuilder(StoreConnectionString) { Host = "127.0.0.1", Port = Proxy.Port }.ConnectionString),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _proxy is not null)
        {
            _proxy.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private FaultProxy StartProxy()
    {
        var direct = new NpgsqlConnectionStringBuilder(StoreConnectionString);
        return FaultProxy.To(direct.Host!, direct.Port);
    }
}

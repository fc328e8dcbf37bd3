namespace Firewall.Api.Tests.Infrastructure;

/// <summary>The API with a heartbeat every 200 ms, so a test sees one at once.</summary>
public class StreamApiFactory : FirewallApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Firewall:Stream:HeartbeatInterval", "00:00:00.2")];
}

public sealed class StreamPostgresApiFactory : StreamApiFactory
{
    protected override Firewall.Storage.StoreProvider Provider => Firewall.Storage.StoreProvider.Postgres;
}

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>One API replica with the given configuration on top of the test defaults (several share a store and a Redis).</summary>
public sealed class ReplicaFactory(IReadOnlyDictionary<string, string?> settings) : FirewallApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => settings;
}

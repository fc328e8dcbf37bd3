using Firewall.Testing;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// API replicas sharing one fresh PostgreSQL database and one Redis under a key prefix of their own, as behind a load
/// balancer. The first replica migrates the database before the others start.
/// </summary>
public sealed class Replicas : IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly List<ReplicaFactory> _hosts = [];

    private Replicas(PostgresDatabase database) => _database = database;

    public ReplicaFactory this[int index] => _hosts[index];

    public string Prefix { get; } = $"t{Guid.NewGuid():N}";

    /// <summary>Starts <paramref name="count"/> replicas on <paramref name="redis"/> (a configuration string) with <paramref name="extra"/> settings.</summary>
    public static async Task<Replicas> StartAsync(int count, string redis, params (string Key, string Value)[] extra)
    {
        var replicas = new Replicas(await PostgresDatabase.CreateAsync());
        var settings = new Dictionary<string, string?>
        {
            ["Firewall:Store:Provider"] = "postgres",
            ["ConnectionStrings:Firewall"] = replicas._database.ConnectionString,
            ["ConnectionStrings:Redis"] = redis,
            ["Firewall:Cache:RedisPrefix"] = replicas.Prefix,
            // Generous for a busy test machine; the outage tests set their own.
            ["Firewall:Redis:Timeout"] = "00:00:00.5",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        for (var i = 0; i < count; i++)
        {
            var host = new ReplicaFactory(settings);
            host.CreateClient().Dispose(); // starts it: the first one migrates, alone
            replicas._hosts.Add(host);
        }

        return replicas;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}

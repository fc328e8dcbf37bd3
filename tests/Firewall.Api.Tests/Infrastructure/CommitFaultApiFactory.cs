using Firewall.Storage;
using Firewall.Storage.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>The API with <see cref="CommitFaults"/> on every store transaction and a write queue of <see cref="QueueCapacity"/> events.</summary>
public class CommitFaultApiFactory : FirewallApiFactory
{
    public const int QueueCapacity = 3;

    public CommitFaults Faults { get; } = new();

    // A held commit holds its requests as long as the test wants: the request deadline (StoreDeadlineTests' subject) is out of the way.
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Firewall:Store:WriteQueueCapacity", QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Firewall:Store:RequestDeadline", "00:02:00"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<FirewallDbContext>(o => o.AddInterceptors(Faults)));
    }
}

public sealed class PostgresCommitFaultApiFactory : CommitFaultApiFactory
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

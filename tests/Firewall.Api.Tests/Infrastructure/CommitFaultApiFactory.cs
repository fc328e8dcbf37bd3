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

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Firewall:Store:WriteQueueCapacity", QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture))];

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

using Firewall.Storage.Data;
using Firewall.Storage.Reading;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Firewall.Storage.Tests;

/// <summary>A real store: a SQLite file in a fresh temp folder, migrated by the hosted service, as the API host wires it.</summary>
public abstract class SqliteStore : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "firewall-tests", Guid.NewGuid().ToString("N"));
    private IHost? host;

    protected IServiceProvider Services => host!.Services;

    protected IEventWriter Writer => Services.GetRequiredService<IEventWriter>();

    protected IEventReader Reader => Services.GetRequiredService<IEventReader>();

    protected IDbContextFactory<FirewallDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<FirewallDbContext>>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(Configuration());
        ConfigureServices(builder.Services);
        builder.AddFirewallStorage();
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Stops the host as a shutdown would; the services stay usable for assertions.</summary>
    protected Task StopHostAsync() => host!.StopAsync();

    protected virtual Dictionary<string, string?> Configuration() => new() { ["Firewall:DataPath"] = "data" };

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}

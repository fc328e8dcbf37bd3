using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Firewall.Storage.Tests;

/// <summary>Configuration errors found before any store is touched; migrations at start-up are in <see cref="StoreStartupTests"/>.</summary>
public sealed class StorageSetupTests
{
    [Fact]
    public void Postgres_without_a_connection_string_fails_naming_the_key()
    {
        var builder = Builder(new() { ["Firewall:Store:Provider"] = "postgres" });

        var exception = Assert.Throws<InvalidOperationException>(() => builder.AddFirewallStorage());

        Assert.Contains("ConnectionStrings:Firewall", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_option_fails_start_up_naming_the_option()
    {
        var builder = Builder(new() { ["Firewall:Store:MaxBatchEvents"] = "0" });
        builder.AddFirewallStorage();
        using var app = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("MaxBatchEvents", exception.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Configuration["Firewall:DataPath"] = Path.Combine(Path.GetTempPath(), "firewall-tests", "setup");
        return builder;
    }
}

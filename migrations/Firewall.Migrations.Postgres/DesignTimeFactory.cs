using Firewall.Storage;
using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Firewall.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model; nothing connects at design time.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FirewallDbContext>
{
    public FirewallDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FirewallDbContext>();
        options.UseFirewallStore(StoreProvider.Postgres, "Host=localhost;Database=firewall");
        return new FirewallDbContext(options.Options);
    }
}

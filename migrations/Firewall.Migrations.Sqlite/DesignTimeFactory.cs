using Firewall.Storage;
using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Firewall.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model; nothing connects at design time.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FirewallDbContext>
{
    public FirewallDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FirewallDbContext>();
        options.UseFirewallStore(StoreProvider.Sqlite, "Data Source=design.db");
        return new FirewallDbContext(options.Options);
    }
}

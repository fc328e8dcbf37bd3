using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

/// <summary>
/// SQLite only: the signing key is checked before the store starts, so these never reach a store. Start-up against a
/// PostgreSQL schema is in <see cref="MigrateCommandTests"/> and Firewall.Storage.Tests' StoreStartupTests.
/// </summary>
public sealed class StartupTests
{
    private sealed class NoKeyFactory : FirewallApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Firewall:Auth:SigningKey", "")];
    }

    private sealed class WeakKeyFactory : FirewallApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Firewall:Auth:SigningKey", Convert.ToBase64String(new byte[16]))];
    }

    [Fact]
    public void OutsideDevelopmentAMissingSigningKeyStopsStartUpNamingTheSetting()
    {
        using var factory = new NoKeyFactory();

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Firewall__Auth__SigningKey", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyShorterThan256BitsStopsStartUp()
    {
        using var factory = new WeakKeyFactory();

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("at least 256", failure.ToString(), StringComparison.Ordinal);
    }
}

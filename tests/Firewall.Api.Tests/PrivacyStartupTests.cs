using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

/// <summary>Pseudonyms without a usable key stop start-up, naming the setting and never echoing the key.</summary>
public sealed class PrivacyStartupTests
{
    private sealed class PrivacyFactory(string? key) : FirewallApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Firewall:Privacy:PseudonymiseUserIds", "true"), new("Firewall:Privacy:PseudonymKey", key)];
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("not base64 at all!", "is not base64")]
    [InlineData("c2l4dGVlbiBieXRlcyEhIQ==", "has 128 bits; at least 256 are required")]
    public void PseudonymsWithoutAUsableKeyStopStartUpNamingTheSetting(string? key, string reason)
    {
        using var factory = new PrivacyFactory(key);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("Firewall__Privacy__PseudonymKey", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
        Assert.True(key is null || !failure.Contains(key, StringComparison.Ordinal), "the message echoes the key");
    }
}

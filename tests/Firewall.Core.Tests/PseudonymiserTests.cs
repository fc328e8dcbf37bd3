using System.Security.Cryptography;
using System.Text;
using Firewall.Core.Privacy;

namespace Firewall.Core.Tests;

public sealed class PseudonymiserTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void TheSameIdUnderTheSameKeyGivesTheSamePseudonym() =>
        Assert.Equal(new Pseudonymiser(Key).User("jane@example.com"), new Pseudonymiser([.. Key]).User("jane@example.com"));

    [Fact]
    public void APseudonymIsThePrefixAndTheFirst128BitsOfTheHmacOfPrefixAndIdInBase64Url()
    {
        var mac = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("u_jane@example.com"));
        var expected = "u_" + Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(expected, new Pseudonymiser(Key).User("jane@example.com"));
    }

    [Fact]
    public void OtherIdsOtherKeysAndOtherKindsGiveOtherPseudonyms()
    {
        var pseudonyms = new[]
        {
            new Pseudonymiser(Key).User("jane@example.com"),
            new Pseudonymiser(Key).User("john@example.com"),
            new Pseudonymiser(RandomNumberGenerator.GetBytes(32)).User("jane@example.com"),
            new Pseudonymiser(Key).Session("jane@example.com"),
        };

        Assert.Equal(pseudonyms.Length, pseudonyms.Select(p => p[2..]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AKeyShorterThan256BitsIsRefused() =>
        Assert.Contains("at least 256", Assert.Throws<ArgumentException>(() => new Pseudonymiser(new byte[31])).Message, StringComparison.Ordinal);
}

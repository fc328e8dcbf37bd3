using Firewall.Core.Classification.Model;

namespace Firewall.Core.Tests.Classification.Model;

public sealed class DivisorTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(32)]
    [InlineData(512)]
    [InlineData(513)]
    [InlineData(32767)]
    public void Dividing_by_multiplication_gives_the_integer_quotient(int divisor)
    {
        var fast = new Divisor(divisor);
        var random = new Random(divisor);
        int[] edges = [0, 1, divisor - 1, divisor, divisor + 1, (divisor * 7) - 1, (divisor * 7) + 1, int.MaxValue - 1, int.MaxValue];

        foreach (var dividend in edges.Concat(Enumerable.Range(0, 20_000).Select(_ => random.Next())).Concat(Enumerable.Range(0, 70_000)))
        {
            Assert.Equal(dividend / divisor, fast.Divide(dividend));
        }
    }

    [Fact]
    public void A_divisor_below_two_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new Divisor(1));
}

using Firewall.Core.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Firewall.Core.Tests;

public sealed class LogThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public void TheFirstOccurrenceIsLoggedTheRepeatsWithinTheIntervalAreCountedAndTheNextLineSaysHowMany()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(Interval, time);

        Assert.True(throttle.TryEnter("queue full", out var first));
        Assert.Equal(0, first);
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(throttle.TryEnter("queue full", out _));
        }

        time.Advance(Interval);
        Assert.True(throttle.TryEnter("queue full", out var suppressed));
        Assert.Equal(5, suppressed);
        Assert.False(throttle.TryEnter("queue full", out _));
    }

    [Fact]
    public void EachReasonHasItsOwnInterval()
    {
        var throttle = new LogThrottle(Interval, new FakeTimeProvider());

        Assert.True(throttle.TryEnter("queue full", out _));
        Assert.True(throttle.TryEnter("deadline", out _));
        Assert.False(throttle.TryEnter("queue full", out _));
        Assert.False(throttle.TryEnter("deadline", out _));
    }
}

using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

/// <summary>/metrics shows the live tail: open streams and the events pushed to them.</summary>
[Collection(MetricsCollection.Name)]
public sealed class StreamMetricsTests(StreamApiFactory factory) : IClassFixture<StreamApiFactory>
{
    [Fact]
    public async Task AnOpenStreamAndTheEventPushedToItAreOnMetrics()
    {
        var agentId = $"tail-metrics-{Guid.NewGuid():N}";
        await using var stream = await LiveStream.OpenAsync(factory.Analyst(), $"?agentId={agentId}");
        await factory.Agent().PostForAgentAsync(agentId);
        await stream.NextEventAsync();

        var metrics = await PrometheusScrape.WhenAsync(factory.CreateClient(), s => s.Sum("firewall_stream_events_pushed_total", "source=\"live\"") >= 1);

        Assert.Equal(1, metrics.Sum("firewall_stream_subscribers"));
        Assert.Equal(1, metrics.Sum("firewall_stream_events_pushed_total", "source=\"live\""));
    }
}

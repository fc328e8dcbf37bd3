using System.Net;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

/// <summary>Invariant 6 for streams: a replica serves at most Firewall:Stream:MaxSubscribers of them.</summary>
public sealed class StreamLimitTests(StreamLimitTests.TwoStreamsFactory factory) : IClassFixture<StreamLimitTests.TwoStreamsFactory>
{
    [Fact]
    public async Task AStreamBeyondTheBoundIsA503WithRetryAfterAndAClosedOneFreesItsPlace()
    {
        var analyst = factory.Analyst();
        var first = await LiveStream.OpenAsync(analyst);
        await using var second = await LiveStream.OpenAsync(analyst);

        using (var refused = await LiveStream.RequestAsync(analyst))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        await first.DisposeAsync();
        // The server forgets a stream once it sees its client gone, a moment after the client closes it.
        for (var attempt = 0; ; attempt++)
        {
            using var response = await LiveStream.RequestAsync(analyst);
            if (response.StatusCode == HttpStatusCode.OK || attempt == 50)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            }

            await Task.Delay(100);
        }
    }

    public sealed class TwoStreamsFactory : FirewallApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Firewall:Stream:MaxSubscribers", "2")];
    }
}

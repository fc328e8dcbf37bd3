using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

/// <summary>The cache story of the README: MISS, HIT, and MISS again only for queries the new event affects.</summary>
public abstract class CacheTests(FirewallApiFactory factory)
{
    [Fact]
    public async Task AQueryIsAMissThenAHitUntilAnEventItCoversArrives()
    {
        var analyst = factory.Analyst();
        var url = EventsUrl.For($"minSeverity=informational&agentId=cache-{Guid.NewGuid():N}");

        Assert.Equal("MISS", await XCache(analyst, url));
        Assert.Equal("HIT", await XCache(analyst, url));

        await factory.Agent().PostAsync(Events.Valid());

        Assert.Equal("MISS", await XCache(analyst, url));
    }

    [Fact]
    public async Task AnEventOfAnotherSeverityLeavesTheEntryCached()
    {
        var analyst = factory.Analyst();
        var url = EventsUrl.For($"severity=fatal&agentId=cache-{Guid.NewGuid():N}");
        await XCache(analyst, url);

        var benign = Events.Valid(type: "other", content: "what is the weather like");
        benign["action"] = "allowed";
        benign["severity"] = "informational";
        benign["confidence"] = 0.1;
        await factory.Agent().PostAsync(benign);

        Assert.Equal("HIT", await XCache(analyst, url));
    }

    [Fact]
    public async Task TheNewEventIsInTheFirstQueryAfterItsIngestReturns()
    {
        var agentId = $"ryw-{Guid.NewGuid():N}";
        var analyst = factory.Analyst();
        var url = EventsUrl.For($"agentId={agentId}");
        await XCache(analyst, url);

        var body = Events.Valid();
        body["agentId"] = agentId;
        await factory.Agent().PostAsync(body);

        var page = await analyst.GetStringAsync(url);
        Assert.Contains(body["eventId"]!.GetValue<string>(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerHasAnETagThatGets304UntilAnEventItCoversArrives()
    {
        var analyst = factory.Analyst();
        var agentId = $"etag-{Guid.NewGuid():N}";
        var url = EventsUrl.For($"minSeverity=informational&agentId={agentId}");
        var first = await analyst.GetAsync(url);
        var tag = first.Headers.ETag!;

        var revalidated = await GetIfNoneMatch(analyst, url, tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal("HIT", revalidated.Headers.GetValues("X-Cache").Single());
        Assert.Equal(tag, revalidated.Headers.ETag);

        var body = Events.Valid();
        body["agentId"] = agentId;
        await factory.Agent().PostAsync(body);

        var changed = await GetIfNoneMatch(analyst, url, tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Contains(body["eventId"]!.GetValue<string>(), await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissAndTheHitsAfterItAnswerTheSameBytes()
    {
        var analyst = factory.Analyst();
        var agentId = $"same-{Guid.NewGuid():N}";
        var body = Events.Valid();
        body["agentId"] = agentId;
        await factory.Agent().PostAsync(body);
        var url = EventsUrl.For($"agentId={agentId}");

        var miss = await analyst.GetAsync(url);
        var hit = await analyst.GetAsync(url);

        Assert.Equal("MISS", miss.Headers.GetValues("X-Cache").Single());
        Assert.Equal("HIT", hit.Headers.GetValues("X-Cache").Single());
        Assert.Equal(await miss.Content.ReadAsByteArrayAsync(), await hit.Content.ReadAsByteArrayAsync());
        Assert.Equal(miss.Headers.ETag, hit.Headers.ETag);
        Assert.Contains("Accept-Encoding", hit.Headers.Vary);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, br", "gzip")]
    [InlineData("gzip;q=0.5, br", "br")]
    public async Task APageIsCompressedAsAcceptEncodingAsksAndStillSaysWhatTheCacheDid(string accepted, string encoding)
    {
        var url = EventsUrl.For($"minSeverity=informational&agentId=zip-{Guid.NewGuid():N}");
        var plain = await factory.Analyst().GetAsync(url);

        var response = await GetWithAcceptEncoding(url, accepted);

        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        Assert.Equal("HIT", response.Headers.GetValues("X-Cache").Single());
        Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await DecodedAsync(response, encoding));
    }

    [Fact]
    public async Task ACompressedMissDecompressesToTheIdentityHitAfterIt()
    {
        var analyst = factory.Analyst();
        var agentId = $"zip-new-{Guid.NewGuid():N}";
        var url = EventsUrl.For($"agentId={agentId}");
        await GetWithAcceptEncoding(url, "gzip");

        var body = Events.Valid();
        body["agentId"] = agentId;
        await factory.Agent().PostAsync(body);
        var compressed = await GetWithAcceptEncoding(url, "gzip");
        var identity = await analyst.GetAsync(url);

        Assert.Equal("MISS", compressed.Headers.GetValues("X-Cache").Single());
        Assert.Equal("HIT", identity.Headers.GetValues("X-Cache").Single());
        var decoded = await DecodedAsync(compressed, "gzip");
        Assert.Contains(body["eventId"]!.GetValue<string>(), decoded, StringComparison.Ordinal);
        Assert.Equal(await identity.Content.ReadAsStringAsync(), decoded);
    }

    private Task<HttpResponseMessage> GetWithAcceptEncoding(string url, string accepted)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accepted);
        return factory.Analyst().SendAsync(request);
    }

    private static async Task<string> DecodedAsync(HttpResponseMessage response, string encoding)
    {
        await using var decoded = encoding == "br"
            ? (Stream)new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress)
            : new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        return await new StreamReader(decoded).ReadToEndAsync();
    }

    private static Task<HttpResponseMessage> GetIfNoneMatch(HttpClient client, string url, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(tag);
        return client.SendAsync(request);
    }

    private static async Task<string> XCache(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Cache").Single();
    }
}

public sealed class CacheTestsOnSqlite(FirewallApiFactory factory) : CacheTests(factory), IClassFixture<FirewallApiFactory>;

public sealed class CacheTestsOnPostgres(PostgresApiFactory factory) : CacheTests(factory), IClassFixture<PostgresApiFactory>;

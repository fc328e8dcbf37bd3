using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Firewall.Bench.Load;

/// <summary>The HTTP side of the driver: one pooled client per scenario, and one timed request with its bookkeeping.</summary>
public static class HttpLoad
{
    /// <summary>A client with one connection per virtual client, kept for the whole run, as agents keep theirs.</summary>
    public static HttpClient Client(Uri baseAddress, int concurrency, string? bearer) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = bearer is null ? null : new AuthenticationHeaderValue("Bearer", bearer) },
    };

    public static HttpRequestMessage JsonPost(string path, byte[] body) => new(HttpMethod.Post, path)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
    };

    /// <summary>
    /// Sends, reads the whole body, records latency and status; a 2xx counts <paramref name="items"/>(body) items, anything
    /// else is an error. X-Cache, when present, counts towards the hit ratio. Returns the body of a 2xx, null otherwise.
    /// </summary>
    public static async Task<byte[]?> SendAsync(HttpClient client, HttpRequestMessage request, LoadTally tally, Func<byte[], long> items, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!Record(tally, started, response))
        {
            return null;
        }

        tally.Items += items(body);
        return body;
    }

    /// <summary>
    /// Like <see cref="SendAsync"/> for a request whose answer counts as one item and is not looked at: the body is read
    /// to its end into a scratch buffer and dropped, so the load generator does not spend the shared cores copying large
    /// bodies (a page of 100 events is 100–200 KB) that nobody reads.
    /// </summary>
    public static async Task SendAndDrainAsync(HttpClient client, HttpRequestMessage request, LoadTally tally, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            var scratch = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                while (await body.ReadAsync(scratch, cancellationToken) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }

        if (Record(tally, started, response))
        {
            tally.Items++;
        }
    }

    /// <summary>Latency, status and X-Cache of an answer read to its end; false (an error) unless it is a 2xx.</summary>
    private static bool Record(LoadTally tally, long started, HttpResponseMessage response)
    {
        tally.Latency.Record(started, Stopwatch.GetTimestamp());
        tally.Requests++;
        tally.CountStatus((int)response.StatusCode);
        if (response.Headers.TryGetValues("X-Cache", out var cache))
        {
            tally.CacheLookups++;
            tally.CacheHits += cache.Contains("HIT", StringComparer.OrdinalIgnoreCase) ? 1 : 0;
        }

        if (!response.IsSuccessStatusCode)
        {
            tally.Errors++;
            return false;
        }

        return true;
    }
}

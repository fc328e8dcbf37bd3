using System.IO.Hashing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Firewall.Api.Caching;

/// <summary>
/// A query answer as the cache keeps it: UTF-8 JSON bytes written to the response as they are (no parsing on a hit),
/// with X-Cache and an ETag of the bytes, so a client that sends it back in If-None-Match gets a 304 without the page.
/// </summary>
public static class CachedJson
{
    public static FileContentHttpResult Answer(HttpResponse response, byte[] body, CacheStatus status)
    {
        response.SetCacheHeaders(status);
        return TypedResults.File(body, "application/json", entityTag: EntityTagOf(body));
    }

    /// <summary>
    /// XxHash128 of the bytes: the same answer has the same tag on every replica and after a restart. Weak (W/), because
    /// response compression sends other bytes for the same answer, and If-None-Match compares weakly anyway.
    /// </summary>
    public static EntityTagHeaderValue EntityTagOf(ReadOnlySpan<byte> body) =>
        new($"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"", isWeak: true);
}

using System.Collections.Concurrent;
using System.IO.Hashing;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Firewall.Api.Caching;

/// <summary>
/// A query answer as the cache keeps it: the UTF-8 JSON bytes, their entity tag, computed once here rather than per
/// request, and a compressed copy per content coding, made by the first request that asks for that coding. A hit
/// then writes bytes that already exist: no JSON, hashing or compression work per request.
/// </summary>
public sealed class CachedAnswer
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _encoded = new(StringComparer.OrdinalIgnoreCase);
    private readonly EntityTagHeaderValue _tag;

    public CachedAnswer(byte[] body)
    {
        Body = body;
        _tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"", isWeak: true);
        EntityTag = _tag.ToString();
    }

    public byte[] Body { get; }

    /// <summary>
    /// Weak ETag: XxHash128 of the bytes, so the same answer has the same tag on every replica and after a restart. Weak
    /// (W/), because a compressed answer is other bytes for the same content, and If-None-Match compares weakly anyway.
    /// </summary>
    public string EntityTag { get; }

    /// <summary>
    /// What the entry counts against the cache's memory bound: the body twice, once for itself and once for its
    /// compressed copies (JSON pages compress several times over, so gzip and Brotli together stay under one body).
    /// </summary>
    public long ChargedBytes => 2L * Body.Length;

    /// <summary>Whether an If-None-Match header names this answer (weak comparison, or <c>*</c>), so a 304 will do.</summary>
    public bool IsNamedBy(StringValues ifNoneMatch) =>
        !StringValues.IsNullOrEmpty(ifNoneMatch)
        && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(_tag, useStrongComparison: false));

    /// <summary>The body compressed by <paramref name="provider"/> (the one response compression would use), made once.</summary>
    public byte[] EncodedWith(ICompressionProvider provider) =>
        _encoded.GetOrAdd(provider.EncodingName, static (_, state) => new Lazy<byte[]>(() => Compress(state.Body, state.provider)), (Body, provider)).Value;

    private static byte[] Compress(byte[] body, ICompressionProvider provider)
    {
        using var output = new MemoryStream();
        using (var compressing = provider.CreateStream(output))
        {
            compressing.Write(body);
        }

        return output.ToArray();
    }
}

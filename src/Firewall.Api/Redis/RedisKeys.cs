using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Firewall.Core.Events;
using StackExchange.Redis;

namespace Firewall.Api.Redis;

/// <summary>Every key and channel this service uses, under one configurable prefix. Client-supplied strings only ever appear hashed.</summary>
public sealed class RedisKeys(string prefix)
{
    public RedisKey Epoch { get; } = $"{prefix}:epoch";

    /// <summary>The run_id of the Redis boot the epoch was last checked against.</summary>
    public RedisKey Boot { get; } = $"{prefix}:boot";

    public RedisKey Generation(Severity severity) => string.Create(CultureInfo.InvariantCulture, $"{prefix}:gen:{(int)severity}");

    public RedisKey Entry(string cacheKey) => $"{prefix}:c:{cacheKey}";

    public RedisKey Bucket(string policy, string principal) => $"{prefix}:rl:{policy}:{Hash(principal)}";

    /// <summary>The pub/sub channel that carries created events to every replica's live tail.</summary>
    public RedisChannel LiveEvents { get; } = RedisChannel.Literal($"{prefix}:live");

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}

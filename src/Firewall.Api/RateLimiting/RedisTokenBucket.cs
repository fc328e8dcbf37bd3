using Firewall.Api.Redis;
using StackExchange.Redis;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// A token bucket in Redis, shared by every replica: one atomic script refills from Redis TIME (one clock for all
/// replicas), takes the permits (and up to <c>extra</c> more while there are some, for <see cref="PrefetchedTokens"/>) or
/// says when they will be there. The key expires once the bucket would be full again.
/// </summary>
internal sealed class RedisTokenBucket(RedisGate gate, RedisKeys keys)
{
    private const string Script = """
        local burst, rate, want, extra = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(bucket[1]) or burst
        local at = tonumber(bucket[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000000)
        local allowed, retry, taken = 0, 0, 0
        if tokens >= want then
          taken = want + math.min(extra, math.floor(tokens - want))
          tokens = tokens - taken
          allowed = 1
        else
          retry = math.ceil((want - tokens) * 1000 / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
        return {allowed, retry, taken}
        """;

    /// <summary>
    /// The shared verdict and how many tokens beyond <paramref name="permits"/> were taken with it, or null when Redis
    /// cannot answer now (the caller falls back to its own buckets).
    /// </summary>
    public async ValueTask<(BucketLease Lease, long Extra)?> TryTakeAsync(
        string policy, string principal, int burst, int perSecond, int permits, int extra, CancellationToken cancellationToken)
    {
        var (ok, result) = await gate.TryAsync(
            db => db.ScriptEvaluateAsync(Script, [keys.Bucket(policy, principal)], [burst, perSecond, permits, extra]), cancellationToken);
        if (!ok)
        {
            return null;
        }

        var verdict = (long[])result!;
        return verdict[0] == 1
            ? (BucketLease.Granted, verdict[2] - permits)
            : (new BucketLease(false, TimeSpan.FromMilliseconds(verdict[1])), 0);
    }
}

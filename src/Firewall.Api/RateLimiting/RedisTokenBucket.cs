using Firewall.Api.Redis;
using StackExchange.Redis;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// A token bucket in Redis, shared by every replica: one atomic script refills from Redis TIME (one clock for all
/// replicas), puts back the tokens a replica returns (at most up to the burst), takes the permits (and up to
/// <c>extra</c> more while there are some, for <see cref="PrefetchedTokens"/>) or says when they will be there. The key
/// expires once the bucket would be full again.
/// </summary>
/// <remarks>
/// Returning is capped at the burst, after the refill: a bucket that took r tokens and got them back later holds
/// exactly what it would hold had it never lent them (min(burst, min(burst, x - r + refill) + r) = min(burst, x + refill)),
/// so returning never lets the shared budget be exceeded.
/// </remarks>
internal sealed class RedisTokenBucket(RedisGate gate, RedisKeys keys)
{
    private const string Script = """
        local burst, rate, want, extra, back = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(bucket[1]) or burst
        local at = tonumber(bucket[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000000)
        tokens = math.min(burst, tokens + back)
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
    /// Gives back <paramref name="returned"/> unspent tokens, then takes <paramref name="permits"/>: the shared verdict
    /// and how many tokens beyond them were taken with it, or null when Redis cannot answer now (the caller falls back to
    /// its own buckets; the returned tokens may or may not have arrived, so they are not kept: an error on the strict side).
    /// </summary>
    public async ValueTask<(BucketLease Lease, long Extra)?> TryTakeAsync(
        string policy, string principal, int burst, int perSecond, int permits, int extra, long returned, CancellationToken cancellationToken)
    {
        var (ok, result) = await gate.TryAsync(
            db => db.ScriptEvaluateAsync(Script, [keys.Bucket(policy, principal)], [burst, perSecond, permits, extra, returned]), cancellationToken);
        if (!ok)
        {
            return null;
        }

        var verdict = (long[])result!;
        return verdict[0] == 1
            ? (BucketLease.Granted, verdict[2] - permits)
            : (new BucketLease(false, TimeSpan.FromMilliseconds(verdict[1])), 0);
    }

    /// <summary>Gives back <paramref name="returned"/> unspent tokens (best effort: lost when Redis does not answer).</summary>
    public ValueTask ReturnAsync(string policy, string principal, int burst, int perSecond, long returned, CancellationToken cancellationToken) =>
        new(TryTakeAsync(policy, principal, burst, perSecond, 0, 0, returned, cancellationToken).AsTask());
}

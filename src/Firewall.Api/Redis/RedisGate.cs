using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace Firewall.Api.Redis;

/// <summary>
/// The only way to Redis (invariant 5): each call is bounded by a short timeout behind a circuit breaker, and the epoch
/// is checked first when needed. A failure answers "unavailable" instead of throwing, so callers go on without Redis.
/// </summary>
public sealed class RedisGate
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisEpoch _epoch;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<RedisGate> _logger;

    public RedisGate(IConnectionMultiplexer redis, RedisEpoch epoch, RedisOptions options, ILogger<RedisGate> logger)
    {
        (_redis, _epoch, _logger) = (redis, epoch, logger);
        // A dropped connection may mean a restarted Redis: check the epoch before the next use.
        redis.ConnectionFailed += (_, _) => epoch.Invalidate(lostBump: false);
        redis.ConnectionRestored += (_, _) => epoch.Invalidate(lostBump: false);
        _pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(2),
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null and not OperationCanceledException),
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    /// <summary>Runs <paramref name="command"/>; <c>Ok</c> is false when Redis did not answer in time or the breaker is open.</summary>
    public async ValueTask<(bool Ok, T Value)> TryAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        try
        {
            var value = await _pipeline.ExecuteAsync(async token =>
            {
                var db = _redis.GetDatabase();
                await _epoch.EnsureAsync(db, token);
                return await command(db).WaitAsync(token);
            }, cancellationToken);
            return (true, value);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (ex is not BrokenCircuitException)
            {
                _logger.LogDebug(ex, "Redis call failed; going on without Redis");
            }

            return (false, default!);
        }
    }

    /// <summary>Whether Redis answers a PING now (for readiness; Redis is reported, never required).</summary>
    public async ValueTask<bool> PingAsync(CancellationToken cancellationToken) =>
        (await TryAsync(db => db.PingAsync(), cancellationToken)).Ok;
}

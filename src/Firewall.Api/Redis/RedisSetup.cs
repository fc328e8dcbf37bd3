using Firewall.Api.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Firewall.Api.Redis;

/// <summary>Redis, when <c>ConnectionStrings:Redis</c> is set: one multiplexer per process, reached only through <see cref="RedisGate"/>.</summary>
public static class RedisSetup
{
    public const string ConnectionStringName = "Redis";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    /// <summary>Registers the multiplexer, the epoch, the gate and the readiness check; does nothing without a connection string.</summary>
    public static IHostApplicationBuilder AddFirewallRedis(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => Connect(builder.Configuration.GetConnectionString(ConnectionStringName)!));
        builder.Services.AddSingleton(services => new RedisKeys(services.GetRequiredService<IOptions<CacheOptions>>().Value.RedisPrefix));
        builder.Services.AddSingleton<RedisEpoch>();
        builder.Services.AddSingleton(services => new RedisGate(
            services.GetRequiredService<IConnectionMultiplexer>(), services.GetRequiredService<RedisEpoch>(),
            services.GetRequiredService<IOptions<RedisOptions>>().Value, services.GetRequiredService<ILogger<RedisGate>>()));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }

    // The configuration string passes through untouched (password=, user=, ssl=, sslHost=, ...); only start-up and
    // disconnection behaviour is ours: start without Redis, and fail fast rather than queue while disconnected.
    private static ConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(options);
    }
}

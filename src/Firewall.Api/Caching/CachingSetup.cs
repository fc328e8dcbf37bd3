using Firewall.Api.Redis;
using Firewall.Storage.Writing;

namespace Firewall.Api.Caching;

/// <summary>The query cache and its invalidation on commit.</summary>
public static class CachingSetup
{
    /// <summary>Registers the query cache: in Redis when <c>ConnectionStrings:Redis</c> is set, in process otherwise.</summary>
    public static IHostApplicationBuilder AddFirewallCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (RedisSetup.IsConfigured(builder.Configuration))
        {
            builder.Services.AddSingleton<ICacheBackend, RedisCacheBackend>();
        }
        else
        {
            builder.Services.AddSingleton<ICacheBackend, InProcessCacheBackend>();
        }

        builder.Services.AddSingleton<QueryCache>();
        builder.Services.AddSingleton<ICommitListener>(services => services.GetRequiredService<QueryCache>());
        return builder;
    }

    /// <summary>Sets X-Cache and forbids shared caches from keeping analyst data.</summary>
    public static void SetCacheHeaders(this HttpResponse response, CacheStatus status)
    {
        response.Headers["X-Cache"] = status.ToString().ToUpperInvariant();
        response.Headers.CacheControl = "private, no-store";
    }
}

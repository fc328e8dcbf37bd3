using Firewall.Api.Redis;
using Firewall.Storage.Writing;

namespace Firewall.Api.Streaming;

/// <summary>The live tail: this replica's streams, the hand-off from the batch writer, and the Redis relay between replicas.</summary>
public static class StreamingSetup
{
    /// <summary>Registers the live tail; with <c>ConnectionStrings:Redis</c> set, events also travel between replicas.</summary>
    public static IHostApplicationBuilder AddFirewallStream(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveTail>();
        if (RedisSetup.IsConfigured(builder.Configuration))
        {
            services.AddSingleton<LiveRelay>();
            services.AddHostedService(s => s.GetRequiredService<LiveRelay>());
        }

        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ICreatedEventsListener>(s => s.GetRequiredService<LiveFeed>());
        services.AddHostedService(s => s.GetRequiredService<LiveFeed>());
        return builder;
    }
}

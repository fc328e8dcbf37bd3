using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Http;

/// <summary>Applies <see cref="SlowClientOptions"/> to Kestrel's limits.</summary>
public static class SlowClientSetup
{
    public static WebApplicationBuilder AddFirewallSlowClientLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlowClientOptions>().BindConfiguration(SlowClientOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<SlowClientOptions>>((kestrel, slow) =>
        {
            var limits = slow.Value;
            kestrel.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyBytesPerSecond, limits.MinRequestBodyGracePeriod);
            kestrel.Limits.MaxConcurrentConnections = limits.MaxConcurrentConnections;
        });
        return builder;
    }
}

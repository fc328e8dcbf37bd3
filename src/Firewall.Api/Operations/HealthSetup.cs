using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Firewall.Api.Operations;

/// <summary>/health/live says the process runs and never touches the store; /health/ready says the store answers, within 1 s.</summary>
public static class HealthSetup
{
    public static IHostApplicationBuilder AddFirewallHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"], timeout: StoreHealthCheck.Backstop);
        return builder;
    }

    public static IEndpointRouteBuilder MapFirewallHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Operations");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).WithTags("Operations");
        return app;
    }
}

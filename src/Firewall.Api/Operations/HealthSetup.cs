using Firewall.Storage.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Firewall.Api.Operations;

/// <summary>/health/live says the process runs; /health/ready says the store answers.</summary>
public static class HealthSetup
{
    public static IHostApplicationBuilder AddFirewallHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<FirewallDbContext>("store", tags: ["ready"]);
        return builder;
    }

    public static IEndpointRouteBuilder MapFirewallHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Operations");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).WithTags("Operations");
        return app;
    }
}

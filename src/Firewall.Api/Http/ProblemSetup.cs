using System.Diagnostics;
using Firewall.Core.Serialization;

namespace Firewall.Api.Http;

/// <summary>RFC 9457 problems for every error, including the framework's own 404/405; the one JSON dialect for every body.</summary>
public static class ProblemSetup
{
    public static WebApplicationBuilder AddFirewallProblems(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json => FirewallJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Core.Events.EventLimits.BatchBodyMaxBytes;
        });
        return builder;
    }
}

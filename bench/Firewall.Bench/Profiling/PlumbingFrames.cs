namespace Firewall.Bench.Profiling;

/// <summary>
/// Frames on nearly every busy stack that say nothing about where the time goes: thread start, the thread pool, async
/// state machines, Kestrel's request loop and the middleware chain. Left out of the inclusive ranking so the frames
/// that do the work show.
/// </summary>
public static class PlumbingFrames
{
    private static readonly string[] Prefixes =
    [
        "System.Threading.", "System.Runtime.CompilerServices.", "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol",
        "Microsoft.AspNetCore.Diagnostics.", "Microsoft.AspNetCore.HostFiltering.", "Microsoft.AspNetCore.StaticFiles.",
        "Microsoft.AspNetCore.Authentication.AuthenticationMiddleware", "Microsoft.AspNetCore.Authorization.AuthorizationMiddleware",
        "Microsoft.AspNetCore.Routing.EndpointMiddleware", "Microsoft.AspNetCore.RateLimiting.RateLimitingMiddleware",
        "Microsoft.AspNetCore.ResponseCompression.ResponseCompressionMiddleware", "Serilog.AspNetCore.RequestLoggingMiddleware",
        "OpenTelemetry.Instrumentation.AspNetCore.", "Firewall.Api.WebConsole.ConsoleSetup",
    ];

    public static bool Contains(string frame) => Prefixes.Any(prefix => frame.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The first frame of the application's own code on a stack (top first), or null.</summary>
    public static string? FirstOwn(IReadOnlyList<string> frames) =>
        frames.FirstOrDefault(frame => frame.StartsWith("Firewall.", StringComparison.Ordinal) && !Contains(frame));
}

using System.Globalization;
using Firewall.Api.Operations;

namespace Firewall.Api.RateLimiting;

/// <summary>A named quota over a window, as the IETF httpapi RateLimit headers describe it.</summary>
public sealed record RateLimitPolicy(string Name, int Quota, TimeSpan Window)
{
    /// <summary>Writes 429 with Retry-After, RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers) and a problem body.</summary>
    public Task RejectAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.RequestServices.GetService<FirewallMetrics>()?.RateLimitRejected(Name);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var headers = context.Response.Headers;
        headers.RetryAfter = seconds;
        headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{Name}\";q={Quota};w={Math.Max(1, (int)Window.TotalSeconds)}");
        headers["RateLimit"] = $"\"{Name}\";r=0;t={seconds}";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: $"The '{Name}' rate limit is spent; retry after {seconds} s.").ExecuteAsync(context);
    }
}

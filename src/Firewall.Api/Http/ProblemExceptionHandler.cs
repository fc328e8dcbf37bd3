using System.Data.Common;
using Firewall.Api.RateLimiting;
using Firewall.Storage.Writing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firewall.Api.Http;

/// <summary>
/// The one place exceptions become RFC 9457 problems. Transient store failures are 503 with Retry-After, never 500,
/// because agents retry only 429/502/503/504 and drop data on anything else. No exception text leaves the process.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult result;
        switch (exception)
        {
            case RateLimitedException limited:
                await limited.Policy.RejectAsync(httpContext, limited.RetryAfter);
                return true;
            case RequestValidationException invalid:
                result = TypedResults.ValidationProblem(invalid.Errors.ToDictionary(), title: "The request is not valid.");
                break;
            case BadHttpRequestException bad:
                result = TypedResults.Problem(statusCode: bad.StatusCode, detail: bad.Message);
                break;
            case StoreUnavailableException unavailable:
                logger.LogWarning(unavailable, "The store refused a write");
                result = Unavailable(httpContext, unavailable.RetryAfter, unavailable.Message);
                break;
            case DbException or TimeoutException or InvalidOperationException { InnerException: DbException }:
                logger.LogError(exception, "The store failed");
                result = Unavailable(httpContext, TimeSpan.FromSeconds(2), "The event store is not available; retry later.");
                break;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true;
            default:
                logger.LogError(exception, "Unhandled exception");
                result = TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred.");
                break;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>A 503 problem with Retry-After in whole seconds (at least one).</summary>
    internal static ProblemHttpResult Unavailable(HttpContext httpContext, TimeSpan retryAfter, string detail)
    {
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: detail);
    }
}

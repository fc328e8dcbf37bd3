using System.Data.Common;
using Firewall.Api.RateLimiting;
using Firewall.Core.Diagnostics;
using Firewall.Storage;
using Firewall.Storage.Writing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firewall.Api.Http;

/// <summary>
/// The one place exceptions become RFC 9457 problems. Transient store failures are 503 with Retry-After, never 500,
/// because agents retry only 429/502/503/504 and drop data on anything else. No exception text leaves the process.
/// An expected 503 is logged as one line without a stack trace, at most one per reason every ten seconds (the request
/// log has a line per response); the cause of a failed write is logged where it happened, by the batch writer.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger, TimeProvider time) : IExceptionHandler
{
    private readonly LogThrottle _unavailable = new(LogThrottle.DefaultInterval, time);

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
                LogUnavailable(unavailable.Message, unavailable.Message);
                result = Unavailable(httpContext, unavailable.RetryAfter, unavailable.Message);
                break;
            case DbException or TimeoutException or InvalidOperationException { InnerException: DbException }:
                var cause = exception is InvalidOperationException { InnerException: { } inner } ? inner : exception;
                LogUnavailable(cause.GetType().Name, $"the store failed: {cause.GetType().Name}: {cause.Message}");
                result = Unavailable(httpContext, StoreDeadline.RetryAfter, "The event store is not available; retry later.");
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

    private void LogUnavailable(string reason, string description)
    {
        if (_unavailable.TryEnter(reason, out var suppressed))
        {
            logger.LogWarning("Answered 503: {Reason} ({Suppressed} more such 503s since the last line)", description, suppressed);
        }
    }

    /// <summary>A 503 problem with Retry-After in whole seconds (at least one).</summary>
    internal static ProblemHttpResult Unavailable(HttpContext httpContext, TimeSpan retryAfter, string detail)
    {
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: detail);
    }
}

using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Firewall.Api.Caching;

/// <summary>
/// Writes a <see cref="CachedAnswer"/> with X-Cache, its ETag and <c>Vary: Accept-Encoding</c>: a 304 without the
/// page when If-None-Match names the ETag, otherwise the stored bytes as they are, compressed in the coding response
/// compression would choose for this request (its own negotiation, so both agree) from the answer's ready copy. A set
/// Content-Encoding tells the compression middleware to leave the bytes alone.
/// </summary>
public sealed class CachedJson(CachedAnswer answer, CacheStatus status) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.SetCacheHeaders(status);
        response.Headers.ETag = answer.EntityTag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (answer.IsNamedBy(httpContext.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = "application/json";
        var body = answer.Body;
        if (CodingFor(httpContext) is { } coding)
        {
            response.Headers.ContentEncoding = coding.EncodingName;
            body = answer.EncodedWith(coding);
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    private static ICompressionProvider? CodingFor(HttpContext context) =>
        context.RequestServices.GetService<IResponseCompressionProvider>() is { } compression
        && compression.CheckRequestAcceptsCompression(context)
        && compression.ShouldCompressResponse(context)
            ? compression.GetCompressionProvider(context)
            : null;
}

using System.Text.Json;
using Firewall.Core.Serialization;

namespace Firewall.Api.Http;

/// <summary>Reads a JSON request body under a size limit and turns every parser complaint into a field error.</summary>
internal static class JsonBody
{
    /// <summary>The whole body, at most <paramref name="maxBytes"/> (413 beyond); 415 unless it is JSON.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Deserializes strictly (see <see cref="FirewallJson"/>); a null or malformed document is a 400 naming the field.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, string rootName) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, FirewallJson.Options)
                ?? throw RequestValidationException.For(rootName, "must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new RequestValidationException(JsonErrors.Describe(exception, rootName));
        }
    }

    /// <summary>As <see cref="Deserialize{T}(ReadOnlySpan{byte}, string)"/>, for one element of a larger document.</summary>
    public static T Deserialize<T>(JsonElement element, string rootName) where T : class
    {
        try
        {
            return element.Deserialize<T>(FirewallJson.Options) ?? throw RequestValidationException.For(rootName, "must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new RequestValidationException(JsonErrors.Describe(exception, rootName));
        }
    }

    private static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
}

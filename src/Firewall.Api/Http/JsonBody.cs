using System.Text.Json;
using Firewall.Core.Serialization;

namespace Firewall.Api.Http;

/// <summary>Reads a JSON request body under a size limit and turns every parser complaint into a field error.</summary>
internal static class JsonBody
{
    /// <summary>The whole body, at most <paramref name="maxBytes"/> (413 beyond); 415 unless it is identity-encoded JSON. Dispose it when read.</summary>
    public static async Task<PooledBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw Unsupported("The body must be JSON (Content-Type: application/json).");
        }

        // No decompression yet: a compressed body would otherwise be read as bytes and called "not valid JSON".
        if (UnsupportedCoding(request) is { } coding)
        {
            throw Unsupported($"Content-Encoding '{coding}' is not supported; send identity-encoded JSON.");
        }

        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        // Sized by Content-Length when sent (one byte more, to see the end without growing); grown when it was not.
        var body = new PooledBody((int)Math.Min(maxBytes, request.ContentLength ?? InitialCapacity) + 1);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(body.Free, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                body.Advance(read);
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private const int InitialCapacity = 16 * 1024;

    /// <summary>
    /// Deserializes strictly (<see cref="FirewallJson"/>, or <paramref name="options"/>). A null or malformed document, or a
    /// string that is not Unicode text (<see cref="JsonText"/>) down to <paramref name="checkedDepth"/>, is a 400 naming the field.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, string rootName, JsonSerializerOptions? options = null, int checkedDepth = int.MaxValue)
        where T : class
    {
        options ??= FirewallJson.Options;
        if (JsonText.FindInvalid(json, rootName, options.MaxDepth, checkedDepth) is { } invalid)
        {
            throw RequestValidationException.For(invalid.Key, invalid.Value);
        }

        return DeserializeText<T>(json, rootName, options);
    }

    /// <summary>
    /// <see cref="Deserialize{T}"/> for JSON whose every string is already known to be Unicode text
    /// (<see cref="JsonText.IsText"/>): the same answers without the second scan.
    /// </summary>
    public static T DeserializeText<T>(ReadOnlySpan<byte> json, string rootName, JsonSerializerOptions? options = null)
        where T : class
    {
        options ??= FirewallJson.Options;
        try
        {
            return JsonSerializer.Deserialize<T>(json, options)
                ?? throw RequestValidationException.For(rootName, "must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new RequestValidationException(JsonErrors.Describe(exception, rootName, options.MaxDepth));
        }
    }

    /// <summary>The first content coding other than identity (RFC 9110 §8.4), shortened for the answer; null when there is none.</summary>
    private static string? UnsupportedCoding(HttpRequest request) =>
        request.Headers.ContentEncoding
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(coding => !coding.Equals("identity", StringComparison.OrdinalIgnoreCase)) is { } found
            ? found[..Math.Min(found.Length, 32)]
            : null;

    private static BadHttpRequestException Unsupported(string detail) => new(detail, StatusCodes.Status415UnsupportedMediaType);

    private static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
}

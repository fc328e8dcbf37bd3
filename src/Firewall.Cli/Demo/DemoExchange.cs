using System.Diagnostics;
using System.Text.Json;

namespace Firewall.Cli.Demo;

/// <summary>One request as the audience sees it: status, X-Cache, time taken, and the JSON answer.</summary>
internal sealed record DemoExchange(int Status, string? Cache, TimeSpan Elapsed, JsonElement? Body)
{
    public static async Task<DemoExchange> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cache = response.Headers.TryGetValues("X-Cache", out var values) ? string.Join(',', values) : null;
        JsonElement? json = null;
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true && body.Length > 0)
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }

        return new DemoExchange((int)response.StatusCode, cache, elapsed, json);
    }

    public string? Text(string property) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>Event bodies as agents send them, and helpers to post and read them.</summary>
public static class Events
{
    public static JsonObject Valid(string type = "prompt_injection", string? content = "hello", DateTimeOffset? at = null, Guid? eventId = null) => new()
    {
        ["eventId"] = (eventId ?? Guid.NewGuid()).ToString(),
        ["occurredAt"] = (at ?? DateTimeOffset.UtcNow.AddSeconds(-5)).ToString("O"),
        ["agentId"] = "edge-test-1",
        ["type"] = type,
        ["action"] = "blocked",
        ["severity"] = "high",
        ["confidence"] = 0.9,
        ["content"] = content,
    };

    /// <summary>An event of <paramref name="agentId"/>: a blocked injection (classified high or above), or a benign question (classified informational).</summary>
    public static JsonObject ForAgent(string agentId, bool benign = false)
    {
        var body = benign ? Valid(type: "other", content: "what is the weather like") : Valid();
        body["agentId"] = agentId;
        if (benign)
        {
            body["action"] = "allowed";
            body["severity"] = "informational";
            body["confidence"] = 0.1;
        }

        return body;
    }

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonNode body) =>
        client.PostAsync("/api/v1/events", Json(body.ToJsonString()));

    public static async Task<JsonDocument> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The messages of the problem body's errors for <paramref name="field"/>; fails when the field is not named.</summary>
    public static async Task<string[]> ProblemErrorsFor(this HttpResponseMessage response, string field)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await response.ReadJsonAsync();
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors), "the problem has no errors member");
        Assert.True(errors.TryGetProperty(field, out var messages), $"the problem does not name '{field}': {errors}");
        return [.. messages.EnumerateArray().Select(m => m.GetString()!)];
    }

    public static JsonContent AsJson(object value) => JsonContent.Create(value);
}

using System.Net;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Browser.Tests.Infrastructure;

/// <summary>Events posted through the API with an agent token, as a real agent would.</summary>
public static class Ingest
{
    /// <summary>
    /// Posts one event for <paramref name="agentId"/> and returns its server id once stored: a blocked injection with
    /// confidence 0.9 (stored high or above), or with <paramref name="benign"/> an allowed question (stored informational).
    /// </summary>
    public static async Task<long> PostEventAsync(
        this HttpClient agent, string agentId, bool benign = false, DateTimeOffset? at = null, string? content = null, string? message = null)
    {
        var body = Events.Valid(type: benign ? "other" : "prompt_injection", content: content ?? (benign ? "what is the weather like" : "hello"), at: at);
        body["agentId"] = agentId;
        if (message is not null)
        {
            body["message"] = message;
        }

        if (benign)
        {
            body["action"] = "allowed";
            body["severity"] = "informational";
            body["confidence"] = 0.1;
        }

        using var response = await agent.PostAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    /// <summary>A fresh agent id, so a test sees only its own events.</summary>
    public static string NewAgentId(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..24];
}

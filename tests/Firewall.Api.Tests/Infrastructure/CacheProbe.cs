using System.Net;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>Queries that report what the cache did, and fail on any server error.</summary>
public static class CacheProbe
{
    public static async Task<(string XCache, string Body)> QueryAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.GetValues("X-Cache").Single(), await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> XCacheAsync(this HttpClient client, string url) => (await client.QueryAsync(url)).XCache;

    /// <summary>
    /// Posts one event for <paramref name="agentId"/> and returns its eventId once the API has answered 201: a blocked
    /// injection (classified high or above), or a benign question (classified informational).
    /// </summary>
    public static async Task<string> PostForAgentAsync(this HttpClient agent, string agentId, bool benign = false)
    {
        var body = benign ? Events.Valid(type: "other", content: "what is the weather like") : Events.Valid();
        body["agentId"] = agentId;
        if (benign)
        {
            body["action"] = "allowed";
            body["severity"] = "informational";
            body["confidence"] = 0.1;
        }

        using var response = await agent.PostAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body["eventId"]!.GetValue<string>();
    }
}

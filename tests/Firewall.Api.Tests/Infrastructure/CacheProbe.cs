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

    /// <summary>Posts <see cref="Events.ForAgent"/> and returns its eventId once the API has answered 201.</summary>
    public static async Task<string> PostForAgentAsync(this HttpClient agent, string agentId, bool benign = false)
    {
        var body = Events.ForAgent(agentId, benign);
        using var response = await agent.PostAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return body["eventId"]!.GetValue<string>();
    }
}

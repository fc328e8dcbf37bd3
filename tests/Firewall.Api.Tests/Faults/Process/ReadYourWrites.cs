using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// Agents that each post an event and then query their own events, twice (the second may be a cache hit): every event
/// the API acknowledged must be in every later answer. A cache entry served after the event was stored is stale.
/// Every query must answer 200, whatever state the cache is in.
/// </summary>
public sealed class ReadYourWrites(HttpClient agent, HttpClient analyst)
{
    /// <summary>Stale answers, failed queries and answers an agent must never get.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>How many answers of each X-Cache value (HIT, MISS, BYPASS).</summary>
    public ConcurrentDictionary<string, int> CacheAnswers { get; } = new();

    public Task RunAsync(int checkers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, checkers).Select(_ => Task.Run(() => CheckAsync(stop), CancellationToken.None)));

    public override string ToString() =>
        $"cache answers: {string.Join(", ", CacheAnswers.Select(a => $"{a.Key}×{a.Value}"))}; violations: {string.Join(" | ", Violations.Take(10))}";

    private async Task CheckAsync(CancellationToken stop)
    {
        var agentId = $"ryw-{Guid.NewGuid():N}";
        var url = EventsUrl.For($"agentId={agentId}&limit=1000");
        var acknowledged = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            var body = Events.ForAgent(agentId);
            using (var posted = await agent.PostAsync(body))
            {
                if (posted.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add(body["eventId"]!.GetValue<string>());
                }
                else if (posted.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || posted.Headers.RetryAfter is null)
                {
                    Violations.Enqueue($"ingest answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync(CancellationToken.None)}");
                }
            }

            await QueryAsync(url, acknowledged);
            await QueryAsync(url, acknowledged);
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task QueryAsync(string url, List<string> acknowledged)
    {
        using var response = await analyst.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Violations.Enqueue($"query answered {(int)response.StatusCode}: {text}");
            return;
        }

        var xcache = response.Headers.GetValues("X-Cache").Single();
        CacheAnswers.AddOrUpdate(xcache, 1, (_, count) => count + 1);
        using var page = JsonDocument.Parse(text);
        var listed = page.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("eventId").GetString()).ToHashSet();
        var missing = acknowledged.Count(id => !listed.Contains(id));
        if (missing > 0)
        {
            Violations.Enqueue($"{xcache} answer lacks {missing} of {acknowledged.Count} acknowledged events");
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// Agents under load, for fault and shutdown tests: workers post single events and batches of five, remember every event
/// the API acknowledged (201/200, or created/duplicate in a batch), and record every answer an agent must never get.
/// Under failure an agent may only be told to retry (429 or 503, with Retry-After); anything else is unexpected.
/// </summary>
public sealed class IngestLoad(HttpClient client)
{
    public ConcurrentDictionary<Guid, bool> Acknowledged { get; } = new();

    /// <summary>Answers no agent should get: any status but 200/201/429/503, a 429/503 without Retry-After, a body with a stack trace or SQL.</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();

    /// <summary>How many answers of each status code, for failure messages.</summary>
    public ConcurrentDictionary<HttpStatusCode, int> Statuses { get; } = new();

    /// <summary>Set before the server is stopped on purpose: from then on, a refused or reset connection ends a worker quietly.</summary>
    public bool Terminated { get => Volatile.Read(ref _terminated); set => Volatile.Write(ref _terminated, value); }

    private static readonly TimeSpan LongestSpell = TimeSpan.FromMinutes(1);

    private bool _terminated;

    /// <summary>
    /// A spell of load before a fault: at least <paramref name="atLeast"/> and, on a slow or busy machine, longer, until
    /// <paramref name="moreAcknowledged"/> more events are acknowledged (a minute at most), so that a test's "enough events
    /// were acknowledged to prove anything" holds on any machine and not only on a quiet one.
    /// </summary>
    public async Task SpellAsync(TimeSpan atLeast, int moreAcknowledged)
    {
        var target = Acknowledged.Count + moreAcknowledged;
        var clock = Stopwatch.StartNew();
        await Task.Delay(atLeast);
        while (Acknowledged.Count < target && clock.Elapsed < LongestSpell)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Runs <paramref name="workers"/> workers until <paramref name="stop"/> is cancelled or the server goes away after <see cref="Terminated"/>.</summary>
    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => RunWorkerAsync(worker, stop), CancellationToken.None)));

    public async Task RunWorkerAsync(int worker, CancellationToken stop = default)
    {
        for (var request = 0; !stop.IsCancellationRequested; request++)
        {
            try
            {
                await (request % 2 == worker % 2 ? PostOneAsync() : PostBatchAsync());
            }
            catch (HttpRequestException failure) when (Terminated && failure.InnerException is SocketException or IOException)
            {
                return;
            }
            catch (HttpRequestException failure) when (Terminated)
            {
                Unexpected.Enqueue($"{failure.HttpRequestError}: {failure.Message}");
                return;
            }
        }
    }

    /// <summary>A summary for assertion messages.</summary>
    public override string ToString() =>
        $"{Acknowledged.Count} acknowledged; answers: {string.Join(", ", Statuses.Select(s => $"{(int)s.Key}×{s.Value}"))}; unexpected: {string.Join(" | ", Unexpected.Take(10))}";

    private async Task PostOneAsync()
    {
        var body = Events.Valid();
        using var response = await client.PostAsync(body);
        if (await CheckAsync(response) && response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            Acknowledged[Guid.Parse(body["eventId"]!.GetValue<string>())] = true;
        }
    }

    private async Task PostBatchAsync()
    {
        var events = Enumerable.Range(0, 5).Select(_ => (JsonNode)Events.Valid()).ToArray();
        using var response = await client.PostAsync("/api/v1/events/batch", Events.Json(new JsonObject { ["events"] = new JsonArray(events) }.ToJsonString()));
        if (!await CheckAsync(response) || response.StatusCode != HttpStatusCode.OK)
        {
            return;
        }

        using var body = await response.ReadJsonAsync();
        foreach (var item in body.RootElement.GetProperty("results").EnumerateArray())
        {
            if (item.GetProperty("status").GetString() is "created" or "duplicate")
            {
                Acknowledged[item.GetProperty("eventId").GetGuid()] = true;
            }
        }
    }

    private async Task<bool> CheckAsync(HttpResponseMessage response)
    {
        Statuses.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created or HttpStatusCode.OK:
                return true;
            case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                if (response.Headers.RetryAfter is null)
                {
                    Unexpected.Enqueue($"{(int)response.StatusCode} without Retry-After");
                }

                var body = await response.Content.ReadAsStringAsync();
                if (ErrorBodies.LeaksInternals(body))
                {
                    Unexpected.Enqueue($"{(int)response.StatusCode} body leaks internals: {body}");
                }

                return false;
            default:
                Unexpected.Enqueue($"{(int)response.StatusCode} (terminated: {Terminated}): {await response.Content.ReadAsStringAsync()}");
                return false;
        }
    }
}

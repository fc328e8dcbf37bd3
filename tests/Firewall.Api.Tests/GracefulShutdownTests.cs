using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;
using Microsoft.Data.Sqlite;

namespace Firewall.Api.Tests;

/// <summary>
/// SIGTERM under load, on the API binary as a real process (SQLite in a temp data folder): the process stops taking
/// requests, drains the write queue, exits 0 within the grace period, and every event it acknowledged is stored. Open
/// live-tail streams end at once and never hold the shutdown up.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int Workers = 16;
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UnderLoadSigtermExitsZeroWithinTheGracePeriodAndEveryAcknowledgedEventIsStored()
    {
        using var api = await ServingApi.StartAsync(
            ("Firewall__RateLimits__Ingest__EventsPerSecond", "1000000"), ("Firewall__RateLimits__Ingest__Burst", "1000000"));
        using var client = api.ClientFor(Roles.Agent, GracePeriod);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Events.Valid())).StatusCode); // warm-up: JIT, EF model

        var load = new IngestLoad(client);
        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(() => load.RunAsync(worker))).ToList();
        await Task.Delay(Load);
        load.Terminated = true; // before the signal: a refused connection can reach a worker before TerminateAsync returns
        await api.TerminateAsync();
        await api.WaitForExitAsync(GracePeriod);

        await Task.WhenAll(workers);
        var log = await api.LogAsync();
        Assert.True(api.Process.ExitCode == 0, $"the API exited with {api.Process.ExitCode}: {log}");
        Assert.True(load.Unexpected.IsEmpty, $"unexpected answers: {string.Join(", ", load.Unexpected.Take(10))}\n{log}");
        Assert.True(load.Acknowledged.Count > 100, $"only {load.Acknowledged.Count} events were acknowledged under load; answers: {string.Join(", ", load.Statuses)}\n{log}");
        var stored = StoredEventIds(api.DataPath);
        var lost = load.Acknowledged.Keys.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {load.Acknowledged.Count} acknowledged events are not stored");
    }

    [Fact]
    public async Task SigtermEndsAnOpenStreamAtOnceAndTheProcessExitsLongBeforeTheGracePeriod()
    {
        using var api = await ServingApi.StartAsync();
        using var client = api.ClientFor(Roles.Analyst);
        await using var stream = await LiveStream.OpenAsync(client);

        var clock = Stopwatch.StartNew();
        await api.TerminateAsync();
        await stream.RestUntilEndAsync(TimeSpan.FromSeconds(10));
        await api.WaitForExitAsync(GracePeriod);

        // Kestrel would wait the whole grace period (ShutdownTimeoutSeconds, 30 s) for a stream that did not end.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the API took {clock.Elapsed} to stop with a stream open");
        Assert.True(api.Process.ExitCode == 0, $"the API exited with {api.Process.ExitCode}: {await api.LogAsync()}");
    }

    /// <summary>Posts single events and batches of five until the server stops answering after SIGTERM.</summary>
    private sealed class IngestLoad(HttpClient client)
    {
        public ConcurrentDictionary<Guid, bool> Acknowledged { get; } = new();

        /// <summary>Answers no client should get: a 5xx other than 503 at any time, and anything but 201/200/503 before SIGTERM.</summary>
        public ConcurrentQueue<string> Unexpected { get; } = new();

        /// <summary>How many answers of each status code, for failure messages.</summary>
        public ConcurrentDictionary<HttpStatusCode, int> Statuses { get; } = new();

        public volatile bool Terminated;

        public async Task RunAsync(int worker)
        {
            for (var request = 0; ; request++)
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

        private async Task PostOneAsync()
        {
            var body = Events.Valid();
            using var response = await client.PostAsync(body);
            if (Check(response) && response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                Acknowledged[Guid.Parse(body["eventId"]!.GetValue<string>())] = true;
            }
        }

        private async Task PostBatchAsync()
        {
            var events = Enumerable.Range(0, 5).Select(_ => (JsonNode)Events.Valid()).ToArray();
            using var response = await client.PostAsync("/api/v1/events/batch", Events.Json(new JsonObject { ["events"] = new JsonArray(events) }.ToJsonString()));
            if (!Check(response) || response.StatusCode != HttpStatusCode.OK)
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

        private bool Check(HttpResponseMessage response)
        {
            Statuses.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
            var expected = response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable;
            if (!expected)
            {
                Unexpected.Enqueue($"{(int)response.StatusCode} after SIGTERM: {Terminated}");
            }

            return expected;
        }
    }

    private static HashSet<Guid> StoredEventIds(string dataPath)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "firewall.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id FROM events";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<Guid>();
        while (reader.Read())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }
}

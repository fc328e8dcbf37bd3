using System.Globalization;
using Firewall.Bench.Load;
using Firewall.Core.Events;

namespace Firewall.Bench.Scenarios;

/// <summary>
/// Agents posting the event mix: one event per request (<c>ingest-single</c>) or batches (<c>ingest-batch</c>), each
/// agent on its own task, each request answered only after commit.
/// </summary>
public static class IngestScenario
{
    /// <summary>The API's default write queue; more events in flight than half of it would only measure 503s.</summary>
    private const int WriteQueueCapacity = 20_000;

    public static async Task<ScenarioResult> SingleAsync(BenchContext context)
    {
        await using var api = await ApiSession.OnPostgresAsync(context, "single", withRedis: false);
        var clients = context.Options.Concurrency;
        var outcome = await RunAgentsAsync(context, "ingest-single", api, clients, batch: 1);
        return ScenarioResult.From("ingest-single", "one event per request, PostgreSQL", "events/s", clients, outcome, api.PeakRssBytes);
    }

    public static async Task<ScenarioResult> BatchAsync(BenchContext context, int batch, bool sqlite)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"ingest-batch-{batch}-{(sqlite ? "sqlite" : "postgres")}");
        await using var api = sqlite ? await ApiSession.OnSqliteAsync(context) : await ApiSession.OnPostgresAsync(context, "batch", withRedis: false);
        var clients = Math.Clamp(WriteQueueCapacity / 2 / batch, 1, context.Options.Concurrency);
        var outcome = await RunAgentsAsync(context, name, api, clients, batch);
        var description = string.Create(CultureInfo.InvariantCulture, $"{batch} events per request, {(sqlite ? "SQLite" : "PostgreSQL")}");
        return ScenarioResult.From(name, description, "events/s", clients, outcome, api.PeakRssBytes);
    }

    /// <summary>Agents posting for the run's duration; shared with the mixed scenario. Counts created and duplicate events.</summary>
    public static async Task<LoadOutcome> RunAgentsAsync(BenchContext context, string name, ApiSession api, int clients, int batch, bool quiet = false)
    {
        using var http = HttpLoad.Client(api.BaseAddress, clients, context.Tokens.For("agent"));
        var mixes = Enumerable.Range(0, clients).Select(client => new EventMix(seed: client + 1)).ToArray();
        return await LoadDriver.RunAsync(name, clients, context.Timing, async (client, tally, cancellationToken) =>
        {
            var now = DateTimeOffset.UtcNow;
            if (batch == 1)
            {
                using var single = HttpLoad.JsonPost("/api/v1/events", WireBodies.OneEvent(mixes[client].Next(now)));
                await HttpLoad.SendAndDrainAsync(http, single, tally, cancellationToken);
                return;
            }

            var events = new EventInput[batch];
            for (var i = 0; i < batch; i++)
            {
                events[i] = mixes[client].Next(now);
            }

            using var request = HttpLoad.JsonPost("/api/v1/events/batch", WireBodies.Batch(events));
            var body = await HttpLoad.SendAsync(http, request, tally, answer => JsonPeek.Count(answer, "created") + JsonPeek.Count(answer, "duplicates"), cancellationToken);
            if (body is not null && JsonPeek.Count(body, "rejected") is > 0 and var rejected)
            {
                tally.Errors += rejected; // an event of the mix the API refused is a benchmark bug, never a pass
            }
        }, quiet ? new ProgressLine(null) : context.Progress);
    }
}

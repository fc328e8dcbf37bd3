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

    public static async Task<ScenarioResult> SingleAsync(BenchContext context, RunVariant? variant = null)
    {
        const string name = "ingest-single";
        variant ??= RunVariant.Usual(context);
        await using var api = await ApiSession.OnPostgresAsync(context, "single", withRedis: false, variant.Skipped);
        var clients = context.Options.Concurrency;
        var outcome = await variant.AlongsideAsync(api, RunAgentsAsync(context, variant.NameOf(name), api, clients, batch: 1, variant.Timing));
        return variant.Mark(ScenarioResult.From(name, "one event per request, PostgreSQL", "events/s", clients, outcome, api.PeakRssBytes), name);
    }

    public static string BatchName(int batch, bool sqlite) => string.Create(CultureInfo.InvariantCulture, $"ingest-batch-{batch}-{(sqlite ? "sqlite" : "postgres")}");

    public static async Task<ScenarioResult> BatchAsync(BenchContext context, int batch, bool sqlite, RunVariant? variant = null)
    {
        var name = BatchName(batch, sqlite);
        variant ??= RunVariant.Usual(context);
        await using var api = sqlite ? await ApiSession.OnSqliteAsync(context, variant.Skipped) : await ApiSession.OnPostgresAsync(context, "batch", withRedis: false, variant.Skipped);
        var clients = Math.Clamp(WriteQueueCapacity / 2 / batch, 1, context.Options.Concurrency);
        var outcome = await variant.AlongsideAsync(api, RunAgentsAsync(context, variant.NameOf(name), api, clients, batch, variant.Timing));
        var description = string.Create(CultureInfo.InvariantCulture, $"{batch} events per request, {(sqlite ? "SQLite" : "PostgreSQL")}");
        return variant.Mark(ScenarioResult.From(name, description, "events/s", clients, outcome, api.PeakRssBytes), name);
    }

    /// <summary>Agents posting for <paramref name="timing"/> (the run's, by default); shared with the mixed scenario. Counts created and duplicate events.</summary>
    public static async Task<LoadOutcome> RunAgentsAsync(BenchContext context, string name, ApiSession api, int clients, int batch, LoadTiming? timing = null, bool quiet = false)
    {
        using var http = HttpLoad.Client(api.BaseAddress, clients, context.Tokens.For("agent"));
        var mixes = Enumerable.Range(0, clients).Select(client => new EventMix(seed: client + 1)).ToArray();
        return await LoadDriver.RunAsync(name, clients, timing ?? context.Timing, async (client, tally, cancellationToken) =>
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

using Firewall.Bench.Load;
using Firewall.Bench.Postgres;

namespace Firewall.Bench.Scenarios;

/// <summary>
/// <c>query-hit</c> (with its baseline, the same API's <c>/health/live</c>), <c>query-miss</c> (with the 24-hour stats)
/// and <c>mixed</c>, over one preloaded PostgreSQL database with Redis; each starts its own API so each reports its own
/// peak RSS.
/// </summary>
public static class QueryScenarios
{
    /// <summary>Analysts for the latency targets: a handful, as in a real SOC; 64 would measure queueing on 2 cores.</summary>
    public const int Analysts = 4;

    /// <summary>Agents posting batches of 100 in the mixed scenario.</summary>
    private const int MixedAgents = 8;

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext context, IReadOnlySet<string> wanted)
    {
        var results = new List<ScenarioResult>();
        if (context.Options.Url is not null)
        {
            throw new InvalidOperationException("The query scenarios load their own data set; run them without --url.");
        }

        await using var database = await context.Postgres.CreateDatabaseAsync("query");
        var now = DateTime.UtcNow;
        await ApiSession.MigrateAsync(context, database);
        await QueryDataset.LoadAsync(database, context.Templates, context.Options.QueryRows, now, context.Progress);
        if (wanted.Overlaps(["baseline-health-live", "query-hit"]))
        {
            results.AddRange(await CacheHitsAsync(context, database, wanted, now));
        }

        if (wanted.Contains(Decomposition.Name))
        {
            results.AddRange(await Decomposition.RunAsync(context, "query-hit", Stages.Query, variant => QueryHitVariantAsync(context, database, now, variant)));
        }

        if (wanted.Contains("query-miss"))
        {
            results.Add(await MeasureAsync(context, database, "query-miss", "unique severity + time queries, first or deep keyset page", Analysts,
                (queries, cursor) => cursor is not null && queries.GoDeeper() ? null : queries.Investigation(QueryDataset.Days), pages: true, now));
            results.Add(await MeasureAsync(context, database, "stats-24h", "24-hour histogram per hour and severity, uncached", Analysts,
                (queries, _) => queries.Stats(), pages: false, now));
        }

        if (wanted.Contains("mixed"))
        {
            results.AddRange(await MixedAsync(context, database, now));
        }

        return results;
    }

    /// <summary>
    /// /health/live, then the dashboards, on one API process: a cache hit is judged against the same server's cheapest
    /// endpoint, under the same generator and concurrency.
    /// </summary>
    private static async Task<List<ScenarioResult>> CacheHitsAsync(BenchContext context, BenchDatabase database, IReadOnlySet<string> wanted, DateTime now)
    {
        await using var api = await ApiSession.OnDatabaseAsync(context, database, withRedis: true, owned: false);
        var clients = context.Options.Concurrency;
        var results = new List<ScenarioResult>();
        if (wanted.Contains("baseline-health-live"))
        {
            const string live = "/health/live";
            var outcome = await RepeatGetsAsync(context, "baseline-health-live", api, clients, [live], (_, _) => live, now, context.Timing);
            results.Add(ScenarioResult.From("baseline-health-live", "the same API's GET /health/live", "req/s", clients, outcome, api.PeakRssBytes));
        }

        if (wanted.Contains("query-hit"))
        {
            results.Add(await QueryHitAsync(context, api, now, RunVariant.Usual(context)));
        }

        return results;
    }

    /// <summary>query-hit on an API of its own over the same data, as <paramref name="variant"/> says (stages off, a profiler beside).</summary>
    private static async Task<ScenarioResult> QueryHitVariantAsync(BenchContext context, BenchDatabase database, DateTime now, RunVariant variant)
    {
        await using var api = await ApiSession.OnDatabaseAsync(context, database, withRedis: true, owned: false, variant.Skipped);
        return await QueryHitAsync(context, api, now, variant);
    }

    private static async Task<ScenarioResult> QueryHitAsync(BenchContext context, ApiSession api, DateTime now, RunVariant variant)
    {
        const string name = "query-hit";
        var clients = context.Options.Concurrency;
        var dashboards = new AnalystQueries(now, seed: 100).Dashboards();
        var load = RepeatGetsAsync(context, variant.NameOf(name), api, clients, dashboards, (queries, _) => queries.Dashboard(), now, variant.Timing);
        var outcome = await variant.AlongsideAsync(api, load);
        return variant.Mark(ScenarioResult.From(name, "repeated dashboard queries, Redis cache", "req/s", clients, outcome, api.PeakRssBytes), name);
    }

    /// <summary>GETs whose answers are not read: wrk cycles <paramref name="paths"/> when installed, else the .NET driver asks <paramref name="next"/>.</summary>
    private static Task<LoadOutcome> RepeatGetsAsync(
        BenchContext context, string name, ApiSession api, int clients, IReadOnlyList<string> paths, Func<AnalystQueries, string?, string?> next, DateTime now, LoadTiming timing) =>
        context.Wrk is { } wrk
            ? wrk.RunAsync(name, api.BaseAddress, context.Tokens.For("analyst"), paths, clients, timing, context.Progress)
            : RunAnalystsAsync(context, name, api, clients, next, pages: false, now, context.Progress, timing);

    /// <param name="next">the next path, given the client's last nextCursor; null follows that cursor one page deeper.</param>
    private static async Task<ScenarioResult> MeasureAsync(
        BenchContext context, BenchDatabase database, string name, string description, int clients, Func<AnalystQueries, string?, string?> next, bool pages, DateTime now)
    {
        await using var api = await ApiSession.OnDatabaseAsync(context, database, withRedis: true, owned: false);
        var outcome = await RunAnalystsAsync(context, name, api, clients, next, pages, now, context.Progress);
        return ScenarioResult.From(name, description, "req/s", clients, outcome, api.PeakRssBytes);
    }

    /// <param name="pages">whether <paramref name="next"/> may follow a cursor, so each answer's nextCursor must be read.</param>
    private static async Task<LoadOutcome> RunAnalystsAsync(
        BenchContext context, string name, ApiSession api, int clients, Func<AnalystQueries, string?, string?> next, bool pages, DateTime now, ProgressLine progress,
        LoadTiming? timing = null)
    {
        using var http = HttpLoad.Client(api.BaseAddress, clients, context.Tokens.For("analyst"));
        var queries = Enumerable.Range(0, clients).Select(client => new AnalystQueries(now, seed: 100 + client)).ToArray();
        var paths = new string?[clients];
        var cursors = new string?[clients];
        return await LoadDriver.RunAsync(name, clients, timing ?? context.Timing, async (client, tally, cancellationToken) =>
        {
            var path = next(queries[client], cursors[client]);
            if (path is null)
            {
                // one page deeper into the previous investigation: same filters, plus its cursor
                path = $"{paths[client]}&cursor={Uri.EscapeDataString(cursors[client]!)}";
            }
            else
            {
                paths[client] = path;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (!pages)
            {
                await HttpLoad.SendAndDrainAsync(http, request, tally, cancellationToken);
                return;
            }

            var body = await HttpLoad.SendAsync(http, request, tally, _ => 1, cancellationToken);
            cursors[client] = body is null ? null : JsonPeek.Text(body, "nextCursor");
        }, progress);
    }

    /// <summary>Agents ingest batches while analysts refresh dashboards: every high event invalidates their entries.</summary>
    private static async Task<IEnumerable<ScenarioResult>> MixedAsync(BenchContext context, BenchDatabase database, DateTime now)
    {
        await using var api = await ApiSession.OnDatabaseAsync(context, database, withRedis: true, owned: false);
        var ingest = IngestScenario.RunAgentsAsync(context, "mixed", api, MixedAgents, batch: 100, quiet: true);
        var analysts = RunAnalystsAsync(context, "mixed", api, Analysts, (queries, _) => queries.Dashboard(), pages: false, now, context.Progress);
        await Task.WhenAll(ingest, analysts);
        var rss = api.PeakRssBytes;
        return
        [
            ScenarioResult.From("mixed-ingest", "agents posting batches of 100 during mixed", "events/s", MixedAgents, await ingest, rss),
            ScenarioResult.From("mixed-query", "analysts refreshing dashboards during mixed (hit ratio from X-Cache)", "req/s", Analysts, await analysts, rss),
        ];
    }
}

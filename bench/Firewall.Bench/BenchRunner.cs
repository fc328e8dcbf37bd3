using Firewall.Bench.Baselines;
using Firewall.Bench.Reports;
using Firewall.Bench.Scenarios;

namespace Firewall.Bench;

/// <summary>Runs the chosen scenarios with their baselines, in an order that loads the query set once, and writes the reports.</summary>
public static class BenchRunner
{
    /// <summary>ingest-batch on PostgreSQL first, then SQLite (true).</summary>
    private static readonly bool[] Providers = [false, true];

    public static async Task<BenchReport> RunAsync(BenchOptions options)
    {
        var wanted = Catalog.Expand(options.Scenarios);
        var context = new BenchContext(options);
        var results = new List<ScenarioResult>();
        try
        {
            if (options.Url is null)
            {
                await context.Api.EnsureBuiltAsync();
            }

            var largestBatch = options.BatchSizes.Max();
            if (wanted.Contains("baseline-copy"))
            {
                results.Add(await DatabaseBaselines.CopyAsync(context, largestBatch));
                results.Add(await DatabaseBaselines.CopyStagingAsync(context, largestBatch));
            }

            if (wanted.Contains("baseline-insert"))
            {
                results.Add(await DatabaseBaselines.InsertPerTransactionAsync(context));
            }

            if (wanted.Contains("baseline-kestrel"))
            {
                results.AddRange(await KestrelBaseline.RunAsync(context));
            }

            var decompose = wanted.Contains(Decomposition.Name);
            if (wanted.Contains("ingest-single"))
            {
                results.Add(await IngestScenario.SingleAsync(context));
                if (decompose)
                {
                    results.AddRange(await Decomposition.RunAsync(context, "ingest-single", Stages.Ingest, variant => IngestScenario.SingleAsync(context, variant)));
                }
            }

            foreach (var sqlite in Providers.Where(s => wanted.Contains(s ? "ingest-batch-sqlite" : "ingest-batch-postgres")))
            {
                foreach (var batch in options.BatchSizes)
                {
                    results.Add(await IngestScenario.BatchAsync(context, batch, sqlite));
                }

                if (decompose && !sqlite)
                {
                    // the largest batch, the one the target names (and baseline-copy measures)
                    results.AddRange(await Decomposition.RunAsync(
                        context, IngestScenario.BatchName(largestBatch, sqlite), Stages.Ingest, variant => IngestScenario.BatchAsync(context, largestBatch, sqlite, variant)));
                }
            }

            if (wanted.Overlaps(["baseline-health-live", "query-hit", "query-miss", "mixed"]))
            {
                results.AddRange(await QueryScenarios.RunAsync(context, wanted));
            }
        }
        finally
        {
            Directory.Delete(context.TempFolder, recursive: true);
        }

        var rated = Targets.WithRatios(results);
        var report = new BenchReport(
            Machine.Describe(options.RepositoryRoot), options.CommandLine, options.Duration.TotalSeconds, options.Concurrency, options.QueryRows,
            rated, Targets.Check(rated), context.Profiles);
        await report.WriteAsync(options.OutputPath);
        if (options.MarkdownPath is not null)
        {
            await File.WriteAllTextAsync(options.MarkdownPath, MarkdownReport.Render(report));
        }

        return report;
    }
}

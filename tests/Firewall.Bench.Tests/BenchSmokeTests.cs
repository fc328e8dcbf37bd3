using Firewall.Bench;
using Firewall.Bench.Load;
using Firewall.Bench.Profiling;
using Firewall.Bench.Reports;
using Firewall.Bench.Scenarios;
using Firewall.Testing;

namespace Firewall.Bench.Tests;

/// <summary>
/// The benchmark in miniature (a second or two per scenario, tiny data), so it cannot rot: every scenario and baseline
/// runs against the real API and databases, and the results file must hold sane figures.
/// </summary>
public sealed class BenchSmokeTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _output = Path.Combine(Path.GetTempPath(), $"fw-bench-smoke-{Guid.NewGuid():N}.json");

    [Fact]
    public Task Ingest_batch_on_sqlite_produces_sane_results() => RunAndCheckAsync(["ingest-batch-sqlite"], 1);

    [Fact]
    public Task Every_postgres_scenario_and_baseline_produces_sane_results() =>
        RunAndCheckAsync(["baseline-copy", "baseline-insert", "baseline-kestrel", "ingest-single", "ingest-batch-postgres", "query-hit", "query-miss", "mixed"], 9);

    /// <summary>Where wrk is installed the test above drives query-hit with it; this one runs the .NET fallback CI runs.</summary>
    [Fact]
    public Task Query_hit_with_the_dotnet_generator_produces_sane_results() => RunAndCheckAsync(["query-hit"], 2, useWrk: false);

    /// <summary>
    /// decompose: the three scenarios again with each API stage off and all off (the API must announce the switches, or
    /// the run fails), a row each, and a profile of what remains per scenario: traced where dotnet-trace is installed.
    /// </summary>
    [Fact]
    public async Task Decompose_runs_every_variant_and_profiles_what_remains()
    {
        var report = await RunAndCheckAsync([Decomposition.Name], 16, batchSizes: [50]);

        var variants = report.Results.Where(r => r.Decomposes is not null).ToList();
        Assert.Equal(
            ["ingest-single (no classification)", "ingest-single (no auth)", "ingest-single (no commit)", "ingest-single (no classification, no auth, no commit)",
             "ingest-batch-50-postgres (no classification)", "ingest-batch-50-postgres (no auth)", "ingest-batch-50-postgres (no commit)",
             "ingest-batch-50-postgres (no classification, no auth, no commit)", "query-hit (no auth)"],
            variants.Select(v => v.Name));
        Assert.All(variants, v => Assert.True(v.Ratio > 0, $"{v.Name}: no ratio to {v.Decomposes}"));
        var profiles = report.Profiles ?? [];
        Assert.Equal(3, profiles.Count);
        Assert.All(profiles, profile => Assert.True(
            DotnetTrace.Find() is null ? profile.Note is not null : profile.BusySamples > 0 && profile.Inclusive.Count > 0,
            $"{profile.Variant}: {profile.BusySamples} busy samples; {profile.Note}"));
    }

    private async Task<BenchReport> RunAndCheckAsync(string[] scenarios, int minimumResults, bool useWrk = true, int[]? batchSizes = null)
    {
        var root = RepositoryRoot();
        var options = new BenchOptions
        {
            Scenarios = scenarios,
            Duration = TimeSpan.FromSeconds(1),
            Warmup = TimeSpan.FromSeconds(1),
            Concurrency = 4,
            BatchSizes = batchSizes ?? [10, 50],
            QueryRows = 2_000,
            OutputPath = _output,
            Postgres = TestServices.PostgresAdmin,
            Redis = TestServices.Redis,
            RepositoryRoot = root,
            ApiConfiguration = Configuration,
            BuildApi = false,
            UseWrk = useWrk,
            KestrelBaselineCommand = ["dotnet", Path.Combine(root, "src", "Firewall.Cli", "bin", Configuration, "net10.0", "firewall.dll"), "bench-server"],
        };

        await BenchRunner.RunAsync(options);

        var report = await BenchReport.ReadAsync(_output);
        Assert.True(report.Results.Count >= minimumResults, $"{report.Results.Count} results");
        Assert.All(report.Results, result =>
        {
            Assert.True(result.Requests > 0, $"{result.Name}: no requests");
            Assert.True(result.Errors == 0, $"{result.Name}: {result.Errors} errors; statuses {string.Join(", ", result.Statuses)}");
            Assert.True(result.Throughput > 0, $"{result.Name}: no throughput");
            Assert.InRange(result.P50Ms, 0.001, result.P99Ms);
        });
        Assert.NotEmpty(report.Targets);
        // query-hit and its baseline run on wrk exactly when it is installed and allowed; everything else on .NET
        var wrk = useWrk && Wrk.OnPath() is not null;
        Assert.All(report.Results, result => Assert.Equal(
            wrk && (result.Decomposes ?? result.Name) is "query-hit" or "baseline-health-live" ? Wrk.Name : LoadOutcome.DotNet, result.Generator));
        return report;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Firewall.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Firewall.sln not found above the test folder.");
    }

    public void Dispose()
    {
        File.Delete(_output);
        // decompose keeps each profile's trace beside the results file
        foreach (var trace in Directory.GetFiles(Path.GetDirectoryName(_output)!, $"{Path.GetFileNameWithoutExtension(_output)}-*.nettrace"))
        {
            File.Delete(trace);
        }
    }
}

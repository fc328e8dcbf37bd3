using System.Diagnostics.Metrics;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Firewall.Api.Benchmarking;
using Firewall.Api.Ingest;
using Firewall.Api.Operations;
using Firewall.Bench.Load;
using Firewall.Core.Classification;
using Firewall.Core.Validation;
using Firewall.Storage;
using Firewall.Storage.Data;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Firewall.Bench.Classifier;

/// <summary>
/// One batch committed by the batch writer's <see cref="BatchCommitter"/> on PostgreSQL (issue 12, lever 3): gate,
/// insert, rollups and commit, so the figure is the commit latency of a batch of <see cref="Rows"/> events. The events
/// are the load generator's mix, prepared once by the API's own ingest path and re-issued under fresh eventIds. Each
/// case writes into a fresh database on the server named by <c>FIREWALL_TEST_POSTGRES</c> (scripts/services.sh).
/// </summary>
public class WriterInsertBenchmarks
{
    private static readonly ClaimsPrincipal Agent = new(new ClaimsIdentity([new Claim("sub", "edge-7")], "bench"));

    private string _database = "";
    private IHost _host = null!;
    private NewEvent[] _pool = [];
    private int _next;

    [Params(100, 1000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task Unnest() => CommitAsync(new PostgresEventInsert());

    [Benchmark]
    public Task CopyToStaging() => CommitAsync(new CopyStagingEventInsert());

    private async Task CommitAsync(IEventInsert insert)
    {
        var committer = new BatchCommitter(_host.Services.GetRequiredService<IDbContextFactory<FirewallDbContext>>(), insert);
        var now = DateTimeOffset.UtcNow;
        var batch = new NewEvent[Rows];
        for (var i = 0; i < batch.Length; i++)
        {
            var template = _pool[_next++ % _pool.Length];
            batch[i] = template with { Event = template.Event with { EventId = Guid.CreateVersion7(now), OccurredAt = now, ReceivedAt = now } };
        }

        await committer.CommitAsync(batch, CancellationToken.None);
    }

    private async Task SetupAsync()
    {
        _database = $"fw_writer_bench_{Guid.NewGuid():N}";
        var server = Environment.GetEnvironmentVariable("FIREWALL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("FIREWALL_TEST_POSTGRES is not set: start scripts/services.sh first.");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Firewall:Store:Provider"] = "postgres",
            ["ConnectionStrings:Firewall"] = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString,
            ["Firewall:Store:MigrateOnStartup"] = "true",
        });
        builder.Services.AddMetrics();
        builder.AddFirewallStorage();
        _host = builder.Build();
        await _host.StartAsync();

        var services = _host.Services;
        var ingest = new IngestService(new ClassificationStage(EventClassifier.CreateDefault(), SkippedStages.None), new EventAdmission(new EventInputValidator(TimeProvider.System)),
            services.GetRequiredService<IEventWriter>(), TimeProvider.System,
            new FirewallMetrics(services.GetRequiredService<IMeterFactory>(), services.GetRequiredService<IWriteQueueStatus>()));
        var mix = new EventMix(seed: 7);
        var at = DateTimeOffset.UtcNow;
        _pool = [.. Enumerable.Range(0, 4096).Select(_ => ingest.Prepare(mix.Fresh(at), Agent))];
    }

    private async Task CleanupAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("FIREWALL_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

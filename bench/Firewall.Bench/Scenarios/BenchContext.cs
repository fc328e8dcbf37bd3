using Firewall.Bench.Hosting;
using Firewall.Bench.Load;
using Firewall.Bench.Postgres;
using Firewall.Bench.Profiling;

namespace Firewall.Bench.Scenarios;

/// <summary>What every scenario of one run shares: options, the signing key, the servers, the progress line.</summary>
public sealed class BenchContext(BenchOptions options)
{
    private StoredRow[]? _templates;

    public BenchOptions Options { get; } = options;
    public Tokens Tokens { get; } = options.SigningKey is { } key ? new Tokens(key) : Tokens.Random();
    public ProgressLine Progress { get; } = new(options.Progress);
    public LoadTiming Timing { get; } = new(options.Warmup, options.Duration);

    /// <summary>wrk when installed and allowed, else null: the .NET driver runs.</summary>
    public Wrk? Wrk { get; } = options.UseWrk ? Wrk.OnPath() : null;
    public FirewallApi Api => new(new ApiBuild(Options.RepositoryRoot, Options.ApiConfiguration, Options.BuildApi), Tokens.SigningKey);

    public PostgresServer Postgres => Options.Postgres is { Length: > 0 } admin
        ? new PostgresServer(admin)
        : throw new InvalidOperationException("This scenario needs PostgreSQL: set FIREWALL_TEST_POSTGRES (eval \"$(scripts/services.sh up)\").");

    /// <summary>Classified rows of the event mix, made once per run for every database-only writer.</summary>
    public StoredRow[] Templates => _templates ??= RowSource.ClassifyTemplates(4096);

    /// <summary>The profiles of what remains, one per decomposed scenario, in the order they ran.</summary>
    public List<StackProfile> Profiles { get; } = [];

    /// <summary>A temporary folder for SQLite files and the API's data path, deleted with the run.</summary>
    public string TempFolder { get; } = Directory.CreateTempSubdirectory("fw-bench-").FullName;

    public string NewFolder(string purpose) => Directory.CreateDirectory(Path.Combine(TempFolder, $"{purpose}-{Guid.NewGuid():N}")).FullName;
}

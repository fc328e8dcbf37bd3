namespace Firewall.Bench;

/// <summary>Everything a run needs: what to measure, for how long, against what.</summary>
public sealed record BenchOptions
{
    public required IReadOnlyList<string> Scenarios { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Load before each measurement that is not counted: JIT, connection pools and caches settle.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public int Concurrency { get; init; } = 64;
    public IReadOnlyList<int> BatchSizes { get; init; } = [100, 1000];

    /// <summary>Rows preloaded with the bulk path for the query scenarios.</summary>
    public long QueryRows { get; init; } = 1_000_000;

    /// <summary>A running API to target instead of starting one (no fresh database, no RSS).</summary>
    public Uri? Url { get; init; }

    /// <summary>The key tokens are signed with: the running API's for <see cref="Url"/>, else null for a random one per run.</summary>
    public byte[]? SigningKey { get; init; }

    public required string OutputPath { get; init; }

    /// <summary>Where RESULTS.md goes; null writes none (the smoke test).</summary>
    public string? MarkdownPath { get; init; }

    /// <summary>Admin connection string of a PostgreSQL server where the run may create and drop databases.</summary>
    public string? Postgres { get; init; }

    /// <summary>host:port of Redis for the query scenarios.</summary>
    public string? Redis { get; init; }

    /// <summary>The repository root (holds Firewall.sln).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Build configuration of the API to start; built first when <see cref="BuildApi"/>.</summary>
    public string ApiConfiguration { get; init; } = "Release";

    public bool BuildApi { get; init; } = true;

    /// <summary>How to start the minimal Kestrel baseline server: the program and its leading arguments.</summary>
    public IReadOnlyList<string>? KestrelBaselineCommand { get; init; }

    /// <summary>The command line, as RESULTS.md quotes it.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>Drive the repeated-GET scenarios (query-hit and its baseline) with wrk when it is on PATH; false forces the .NET driver.</summary>
    public bool UseWrk { get; init; } = true;

    /// <summary>Profile what remains of each decomposed scenario with dotnet-trace (when installed); false skips it.</summary>
    public bool Profile { get; init; } = true;

    /// <summary>Receives the progress line; null is silent.</summary>
    public TextWriter? Progress { get; init; }
}

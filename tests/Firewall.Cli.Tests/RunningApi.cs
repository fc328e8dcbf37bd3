using System.Net.Http.Headers;
using Firewall.Bench.Hosting;
using Firewall.Testing;

namespace Firewall.Cli.Tests;

/// <summary>A real API process on a loopback port (the embedded default: SQLite, in-process cache) and tokens for it.</summary>
public sealed class RunningApi : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fw-cli-tests-").FullName;
    private ServerProcess? _process;

    public Tokens Tokens { get; } = Tokens.Random();

    public Uri BaseAddress => _process?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var api = new FirewallApi(new ApiBuild(RepositoryRoot.Path, CliRun.Configuration, Build: false), Tokens.SigningKey);
        await api.EnsureBuiltAsync();
        _process = await api.StartAsync(ApiStore.Sqlite(_folder), _folder);
    }

    public HttpClient Analyst() => new()
    {
        BaseAddress = BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For("analyst")) },
    };

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>One API for the CLI tests, which run one after another: a demo must not share it with a simulation in flight.</summary>
[CollectionDefinition(Name)]
public sealed class RunningApiCollection : ICollectionFixture<RunningApi>
{
    public const string Name = "running API";
}

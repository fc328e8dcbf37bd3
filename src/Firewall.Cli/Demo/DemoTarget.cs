using Firewall.Bench.Hosting;

namespace Firewall.Cli.Demo;

/// <summary>
/// The API the demo talks to, with an agent and an analyst token: a running instance, or one of its own on the embedded
/// default (SQLite, in-process cache) in a temporary folder, started the way the benchmark starts the API and stopped
/// and deleted when disposed.
/// </summary>
internal sealed class DemoTarget : IAsyncDisposable
{
    private readonly ServerProcess? _process;
    private readonly string? _folder;

    private DemoTarget(Uri baseAddress, string agentToken, string analystToken, ServerProcess? process, string? folder)
    {
        BaseAddress = baseAddress;
        AgentToken = agentToken;
        AnalystToken = analystToken;
        _process = process;
        _folder = folder;
    }

    public Uri BaseAddress { get; }
    public string AgentToken { get; }
    public string AnalystToken { get; }

    public static DemoTarget Running(Uri url, string agentToken, string analystToken) => new(url, agentToken, analystToken, null, null);

    public static async Task<DemoTarget> StartAsync(ApiBuild build, TextWriter log)
    {
        var tokens = Tokens.Random();
        var api = new FirewallApi(build, tokens.SigningKey);
        if (build.Build)
        {
            await log.WriteLineAsync($"Building src/Firewall.Api ({build.Configuration})...");
        }

        await api.EnsureBuiltAsync();
        var folder = Directory.CreateTempSubdirectory("fw-demo-").FullName;
        try
        {
            var process = await api.StartAsync(ApiStore.Sqlite(folder), folder);
            await log.WriteLineAsync($"Started an API of its own at {process.BaseAddress} (SQLite and in-process cache in {folder}); stopped and deleted at the end.");
            return new DemoTarget(process.BaseAddress, tokens.For("agent"), tokens.For("analyst"), process, folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Firewall.Bench.Hosting;

/// <summary>
/// Starts the real API (the built Firewall.Api.dll) as production would: Production environment (Benchmark for a
/// decomposition's variant with stages switched off), the run's signing
/// key, a given store, JSON logs at Warning, and rate limits far above what this machine can send, so the benchmark
/// measures the service and not its throttle. <c>demo</c> starts its instance the same way.
/// </summary>
public sealed class FirewallApi(ApiBuild build, string signingKey)
{
    private const string Unlimited = "10000000";
    private const string UnlimitedQueries = "1000000";

    private string ProjectFolder => Path.Combine(build.RepositoryRoot, "src", "Firewall.Api");
    private string Dll => Path.Combine(ProjectFolder, "bin", build.Configuration, "net10.0", "Firewall.Api.dll");

    /// <summary>Builds the API unless told not to, or fails naming the missing file.</summary>
    public async Task EnsureBuiltAsync()
    {
        if (build.Build)
        {
            await ServerProcess.RunToEndAsync(new ProcessStartInfo("dotnet", ["build", ProjectFolder, "-c", build.Configuration, "-v", "q", "-nologo"]));
        }

        if (!File.Exists(Dll))
        {
            throw new InvalidOperationException($"{Dll} is missing: build src/Firewall.Api in {build.Configuration}.");
        }
    }

    /// <summary>Applies the migrations as the Kubernetes Job does (<c>--migrate</c>), for PostgreSQL.</summary>
    public Task MigrateAsync(ApiStore store, string dataPath) => ServerProcess.RunToEndAsync(StartInfo(store, dataPath, ["--migrate"]));

    /// <param name="skipped">API stages to switch off (<see cref="Scenarios.Stages"/>): then the Benchmark environment, which alone honours them.</param>
    public async Task<ServerProcess> StartAsync(ApiStore store, string dataPath, IReadOnlyList<string>? skipped = null)
    {
        var port = FreePort.Next();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var process = await ServerProcess.StartAsync(StartInfo(store, dataPath, ["--urls", url.ToString().TrimEnd('/')], skipped ?? []), url, "/health/ready");
        if (skipped is { Count: > 0 })
        {
            await ExpectAnnouncementAsync(process);
        }

        return process;
    }

    /// <summary>A variant whose switches the API did not take would measure the usual path under another name: fail instead.</summary>
    private static async Task ExpectAnnouncementAsync(ServerProcess process)
    {
        for (var wait = 0; wait < 50 && !process.Tail.Contains(StagesAnnouncement, StringComparison.Ordinal); wait++)
        {
            await Task.Delay(100);
        }

        if (!process.Tail.Contains(StagesAnnouncement, StringComparison.Ordinal))
        {
            var tail = process.Tail;
            await process.DisposeAsync();
            throw new InvalidOperationException($"The API did not announce its switched-off stages ('{StagesAnnouncement}'):\n{tail}");
        }
    }

    /// <summary>The start of the warning the API logs when it skips stages (src/Firewall.Api/Benchmarking/BenchmarkStagesNotice.cs).</summary>
    private const string StagesAnnouncement = "BENCHMARK HOST: stages switched off";

    private ProcessStartInfo StartInfo(ApiStore store, string dataPath, string[] arguments, IReadOnlyList<string>? skipped = null)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. arguments]) { WorkingDirectory = ProjectFolder };
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = skipped is { Count: > 0 } ? Scenarios.Stages.Environment : "Production",
            ["Firewall__Benchmark__Skip"] = skipped is { Count: > 0 } ? string.Join(',', skipped) : null,
            ["Firewall__DataPath"] = dataPath,
            ["Firewall__Auth__SigningKey"] = signingKey,
            ["Firewall__Store__Provider"] = store.Provider,
            ["ConnectionStrings__Firewall"] = store.ConnectionString,
            ["ConnectionStrings__Redis"] = store.Redis,
            ["Firewall__Cache__RedisPrefix"] = $"bench{Guid.NewGuid():N}",
            ["Firewall__RateLimits__Ingest__EventsPerSecond"] = Unlimited,
            ["Firewall__RateLimits__Ingest__Burst"] = Unlimited,
            ["Firewall__RateLimits__Query__RequestsPerSecond"] = UnlimitedQueries,
            ["Firewall__RateLimits__Query__Burst"] = UnlimitedQueries,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }
}

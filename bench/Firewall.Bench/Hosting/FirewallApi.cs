using System.Diagnostics;
using System.Globalization;

namespace Firewall.Bench.Hosting;

/// <summary>
/// Starts the real API (the built Firewall.Api.dll) as production would: Production environment, the run's signing
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

    public Task<ServerProcess> StartAsync(ApiStore store, string dataPath)
    {
        var port = FreePort.Next();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        return ServerProcess.StartAsync(StartInfo(store, dataPath, ["--urls", url.ToString().TrimEnd('/')]), url, "/health/ready");
    }

    private ProcessStartInfo StartInfo(ApiStore store, string dataPath, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. arguments]) { WorkingDirectory = ProjectFolder };
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
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

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Firewall.Bench.Hosting;
using Firewall.Bench.Load;
using Firewall.Bench.Scenarios;

namespace Firewall.Bench.Baselines;

/// <summary>The minimal Kestrel server under the same HTTP driver and concurrency: a GET, and a 1 KB JSON POST echo.</summary>
public static class KestrelBaseline
{
    private static readonly byte[] OneKilobyteJson = Encoding.UTF8.GetBytes(
        $$"""{"agentId":"edge-1","type":"prompt_injection","content":"{{new string('x', 950)}}"}""");

    public static async Task<List<ScenarioResult>> RunAsync(BenchContext context)
    {
        var command = context.Options.KestrelBaselineCommand
            ?? throw new InvalidOperationException("No command to start the minimal Kestrel server.");
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}"));
        var start = new ProcessStartInfo(command[0], [.. command.Skip(1), "--url", url.ToString().TrimEnd('/')]);
        await using var server = await ServerProcess.StartAsync(start, url, "/");
        var clients = context.Options.Concurrency;
        using var http = HttpLoad.Client(url, clients, bearer: null);

        var get = await LoadDriver.RunAsync("baseline-kestrel-get", clients, context.Timing, async (_, tally, cancellationToken) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            await HttpLoad.SendAndDrainAsync(http, request, tally, cancellationToken);
        }, context.Progress);
        var post = await LoadDriver.RunAsync("baseline-kestrel-post", clients, context.Timing, async (_, tally, cancellationToken) =>
        {
            using var request = HttpLoad.JsonPost("/echo", OneKilobyteJson);
            await HttpLoad.SendAndDrainAsync(http, request, tally, cancellationToken);
        }, context.Progress);
        var rss = server.PeakRssBytes;
        return
        [
            ScenarioResult.From("baseline-kestrel-get", "minimal Kestrel GET /", "req/s", clients, get, rss),
            ScenarioResult.From("baseline-kestrel-post", "minimal Kestrel 1 KB JSON POST echo", "req/s", clients, post, rss),
        ];
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Firewall.Cli.Tests;

/// <summary><c>simulate</c> against a real API over loopback: what it reports created is what the API stored.</summary>
[Collection(RunningApiCollection.Name)]
public sealed partial class SimulateTests(RunningApi api)
{
    [Theory]
    [InlineData("1")]
    [InlineData("5")]
    public async Task Every_event_it_reports_created_is_stored(string batch)
    {
        using var analyst = api.Analyst();
        var before = await StoredByFirstAgentAsync(analyst);

        var run = await CliRun.RunAsync(
            "simulate", "--url", api.BaseAddress.ToString(), "--token", api.Tokens.For("agent"),
            "--rate", "10", "--duration", "2s", "--agents", "1", "--batch", batch);

        Assert.True(run.ExitCode == 0, run.ToString());
        var created = Created().Match(run.Output);
        Assert.True(created.Success, run.ToString());
        var reported = int.Parse(created.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(reported > 0, run.ToString());
        Assert.Equal(reported, await StoredByFirstAgentAsync(analyst) - before);
        Assert.Contains("errors 0", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_the_agent_role_stops_it_with_exit_code_1_and_says_why()
    {
        var run = await CliRun.RunAsync(
            "simulate", "--url", api.BaseAddress.ToString(), "--token", api.Tokens.For("analyst"), "--rate", "5", "--duration", "30s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("answered 403", run.Errors, StringComparison.Ordinal);
        Assert.Contains("agent role", run.Errors, StringComparison.Ordinal);
    }

    /// <summary>Events of the first simulated agent (edge-1) in the default window (the last 24 hours covers the mix's late events).</summary>
    private static async Task<int> StoredByFirstAgentAsync(HttpClient analyst)
    {
        using var page = await analyst.GetFromJsonAsync<JsonDocument>(new Uri("/api/v1/events?agentId=edge-1&limit=1000", UriKind.Relative));
        return page!.RootElement.GetProperty("items").GetArrayLength();
    }

    [GeneratedRegex(@"^created (\d+),", RegexOptions.Multiline)]
    private static partial Regex Created();
}

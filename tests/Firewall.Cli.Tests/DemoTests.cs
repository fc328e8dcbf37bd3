using System.Text.RegularExpressions;

namespace Firewall.Cli.Tests;

/// <summary><c>demo</c> tells the cache story against real APIs over loopback, and fails when the story does not hold.</summary>
[Collection(RunningApiCollection.Name)]
public sealed partial class DemoTests(RunningApi api)
{
    private static readonly string[] Story = ["MISS", "HIT", "HIT", "MISS", "HIT"];

    [Fact]
    public async Task On_an_instance_of_its_own_it_shows_miss_hit_hit_miss_hit_and_cleans_up()
    {
        var run = await CliRun.RunAsync("demo", "--no-build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Story, CacheHeaders(run.Output));
        Assert.Equal(7, Regex.Count(run.Output, "proves:"));
        var folder = OwnFolder().Match(run.Errors);
        Assert.True(folder.Success, run.ToString());
        Assert.False(Directory.Exists(folder.Groups[1].Value), "the temporary data folder is left behind");
    }

    [Fact]
    public async Task Against_a_running_instance_with_given_tokens_the_high_event_comes_first_at_once()
    {
        var run = await CliRun.RunAsync(
            "demo", "--url", api.BaseAddress.ToString(), "--agent-token", api.Tokens.For("agent"), "--analyst-token", api.Tokens.For("analyst"),
            "--agent-id", OwnAgentId());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Story, CacheHeaders(run.Output));
        var stored = HighEventId().Match(run.Output);
        Assert.True(stored.Success, run.ToString());
        Assert.Contains($"first: id {stored.Groups[1].Value},", run.Output, StringComparison.Ordinal);
        // Only the request line shows what the agent sent; the stored event and the answers show it redacted.
        Assert.Equal(1, Regex.Count(run.Output, "ghp_[a-z0-9]{36}"));
        Assert.Contains("[REDACTED:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_does_not_show_its_claim_makes_it_exit_1()
    {
        // An analyst token cannot ingest: neither event is stored, so nothing is invalidated and step 6 is no MISS.
        var analyst = api.Tokens.For("analyst");
        var run = await CliRun.RunAsync(
            "demo", "--url", api.BaseAddress.ToString(), "--agent-token", analyst, "--analyst-token", analyst, "--agent-id", OwnAgentId());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(["MISS", "HIT", "HIT", "HIT", "HIT"], CacheHeaders(run.Output));
        Assert.Contains("3 of 7 steps did not show what they claim", run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// An agent of this test's own: the query names it, so a demo run on the shared API in the same second (same
    /// window) does not find this one's answer cached, whatever order the tests run in.
    /// </summary>
    private static string OwnAgentId() => $"demo-{Guid.NewGuid():N}";

    private static string[] CacheHeaders(string output) => [.. XCache().Matches(output).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"X-Cache: (\w+)")]
    private static partial Regex XCache();

    [GeneratedRegex(@"SQLite and in-process cache in (\S+)\)")]
    private static partial Regex OwnFolder();

    [GeneratedRegex(@"5\. .*\n.*\n   201 .*stored: id (\d+),")]
    private static partial Regex HighEventId();
}

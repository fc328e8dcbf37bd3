using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// Slowloris: many connections that send a request a byte at a time. Kestrel's limits (Firewall:Http, shortened here to
/// keep the test short) close them, and a normal agent is served promptly throughout the attack.
/// </summary>
[Trait("Category", "Faults")]
public sealed class SlowlorisTests
{
    private static readonly int Attackers = FaultMode.Soak ? 500 : 150;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>The limit plus Kestrel's 1 s heartbeat that checks it, with room for a busy machine.</summary>
    private static readonly TimeSpan ClosedWithin = TimeSpan.FromSeconds(8);

    /// <summary>At 5 bytes a second the tail would take minutes: only the server can end the attack before this.</summary>
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Generous for a shared 2-core machine, and well under the attack's length: a server held up by the slow connections
    /// would answer only once they are closed, or never.
    /// </summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ConnectionsThatDribbleTheirHeadersAreClosedAndAnAgentIsServedPromptlyMeanwhile()
    {
        using var api = await StartAsync();
        await AssertAttackEndsWhileAnAgentIsServedAsync(api, () => SlowClient.DribbleAsync(
            api.Address, "POST /api/v1/events HTTP/1.1\r\nHost: firewall\r\n", $"X-Slow: {new string('a', 4000)}\r\n\r\n", GiveUp));
    }

    [Fact]
    public async Task ConnectionsThatDribbleTheirBodyAreClosedAndAnAgentIsServedPromptlyMeanwhile()
    {
        using var api = await StartAsync();
        var body = Events.Valid().ToJsonString().PadRight(4000);
        var headers = $"POST /api/v1/events HTTP/1.1\r\nHost: firewall\r\nAuthorization: Bearer {TestKeys.TokenFor(Roles.Agent)}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await AssertAttackEndsWhileAnAgentIsServedAsync(api, () => SlowClient.DribbleAsync(api.Address, headers, body, GiveUp));
    }

    private static Task<ServingApi> StartAsync() => ServingApi.StartAsync(
        [.. Unlimited.Ingest, ("Firewall__Http__RequestHeadersTimeout", "00:00:02"), ("Firewall__Http__MinRequestBodyGracePeriod", "00:00:02")]);

    private static async Task AssertAttackEndsWhileAnAgentIsServedAsync(ServingApi api, Func<Task<(TimeSpan Held, string Answer)>> attacker)
    {
        using var agent = api.ClientFor(Roles.Agent);
        Assert.Equal(HttpStatusCode.Created, (await agent.PostAsync(Events.Valid())).StatusCode); // warm-up: JIT, EF model
        var served = new List<string>();
        var attackOver = Task.WhenAll(Enumerable.Range(0, Attackers).Select(_ => attacker()));
        while (!attackOver.IsCompleted)
        {
            var clock = Stopwatch.StartNew();
            using var response = await agent.PostAsync(Events.Valid());
            served.Add($"{(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms");
            Assert.True(response.StatusCode == HttpStatusCode.Created && clock.Elapsed < Prompt, $"during the attack: {string.Join(", ", served)}");
            await Task.Delay(100);
        }

        var ended = await attackOver;
        var answers = string.Join(", ", ended.GroupBy(e => e.Answer).Select(g => $"'{g.Key}'×{g.Count()}"));
        Assert.True(served.Count > 5, $"too few requests during the attack: {string.Join(", ", served)}");
        Assert.True(ended.All(e => e.Held < ClosedWithin), $"slow connections held for up to {ended.Max(e => e.Held).TotalSeconds:F1} s (limit {Limit.TotalSeconds} s); answers: {answers}");
        // Closed, or told 408 Request Timeout: never a 5xx.
        Assert.True(ended.All(e => !e.Answer.StartsWith("HTTP/1.1 5", StringComparison.Ordinal)), answers);
    }
}

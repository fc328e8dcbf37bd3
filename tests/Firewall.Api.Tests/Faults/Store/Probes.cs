using System.Net;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Auth;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// Single timed requests beside the load, one of each kind a fault may hurt: an ingest, a query the cache cannot answer
/// (a fresh agent id), readiness, liveness. Each client waits <see cref="Answer.Patience"/> at most.
/// </summary>
public sealed class Probes(ServingApi api) : IDisposable
{
    private readonly HttpClient _agent = api.ClientFor(Roles.Agent, Answer.Patience);
    private readonly HttpClient _analyst = api.ClientFor(Roles.Analyst, Answer.Patience);
    private readonly HttpClient _anonymous = new() { BaseAddress = api.Address, Timeout = Answer.Patience };

    public Task<Answer> IngestAsync() => IngestAsync(Events.Valid());

    public Task<Answer> IngestAsync(JsonObject body) => Answer.TimeAsync(() => _agent.PostAsync(body));

    public Task<Answer> QueryAsync(string agentId) => Answer.TimeAsync(() => _analyst.GetAsync(EventsUrl.For($"agentId={agentId}")));

    public Task<Answer> QueryAsync() => QueryAsync($"probe-{Guid.NewGuid():N}");

    public Task<Answer> ReadyAsync() => Answer.TimeAsync(() => _anonymous.GetAsync("/health/ready"));

    public Task<Answer> LiveAsync() => Answer.TimeAsync(() => _anonymous.GetAsync("/health/live"));

    /// <summary>
    /// Waits (up to <see cref="StoreFaultApi.Recovery"/>) until an event is acknowledged, a query returns it and readiness
    /// says ready; fails naming the last answers otherwise. Before a fault it warms both processes up (JIT, the EF model,
    /// the classifier, the probes' connections), so a probe times the fault and not a cold start; after one, it proves the
    /// same API process serves again without a restart.
    /// </summary>
    public async Task AssertServesAsync()
    {
        var deadline = DateTime.UtcNow + StoreFaultApi.Recovery;
        Answer? ingest = null, query = null, ready = null;
        while (DateTime.UtcNow < deadline)
        {
            var agentId = $"serving-{Guid.NewGuid():N}";
            var body = Events.ForAgent(agentId);
            ingest = await IngestAsync(body);
            query = ingest.Status == HttpStatusCode.Created ? await QueryAsync(agentId) : null;
            ready = await ReadyAsync();
            if (query is { Status: HttpStatusCode.OK } && query.Body.Contains(body["eventId"]!.GetValue<string>(), StringComparison.Ordinal)
                && ready.Status == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"not serving within {StoreFaultApi.Recovery}: ingest {ingest}; query {query}; ready {ready}");
    }

    public void Dispose()
    {
        _agent.Dispose();
        _analyst.Dispose();
        _anonymous.Dispose();
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Storage.Data;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Firewall.Api.Tests;

/// <summary>
/// Invariant 1 over HTTP: a request is answered 201 only once its batch has committed; when the commit fails, or the
/// write queue is full, it is answered 503 with Retry-After and nothing of it is stored, so the agent's retry is safe.
/// </summary>
public abstract class CommittedBeforeAcknowledgedTests(CommitFaultApiFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryRequestOfABatchWhoseCommitFailsGets503WithRetryAfterAndNoneOfItsEventsIsStored()
    {
        var agent = factory.Agent();
        var plug = Events.Valid();
        var batch = Enumerable.Range(0, CommitFaultApiFactory.QueueCapacity).Select(_ => Events.Valid()).ToList();

        // The plug's commit holds the writer while the others queue up behind it, so they share the next batch: the failing one.
        var held = factory.Faults.HoldNextCommit();
        var plugResponse = agent.PostAsync(plug);
        await held.WaitAsync(Patience);
        var responses = batch.Select(agent.PostAsync).ToList();
        await WaitUntilQueuedAsync(batch.Count);
        factory.Faults.FailNextCommit();
        factory.Faults.ReleaseHeldCommit();

        Assert.Equal(HttpStatusCode.Created, (await plugResponse.WaitAsync(Patience)).StatusCode);
        foreach (var response in await Task.WhenAll(responses).WaitAsync(Patience))
        {
            await AssertUnavailableProblemAsync(response);
        }

        Assert.Equal(0, await StoredCountAsync(batch));
        Assert.Equal(1, await StoredCountAsync([plug]));
        // The agent's retry stores the event, once.
        Assert.Equal(HttpStatusCode.Created, (await agent.PostAsync(batch[0])).StatusCode);
        Assert.Equal(1, await StoredCountAsync([batch[0]]));
    }

    [Fact]
    public async Task AFullWriteQueueAnswers503WithRetryAfterAndAProblemBodyAndStoresNothingOfThatRequest()
    {
        var agent = factory.Agent();
        var held = factory.Faults.HoldNextCommit();
        var plugResponse = agent.PostAsync(Events.Valid());
        await held.WaitAsync(Patience);
        var queued = Enumerable.Range(0, CommitFaultApiFactory.QueueCapacity).Select(_ => Events.Valid()).ToList();
        var queuedResponses = queued.Select(agent.PostAsync).ToList();
        await WaitUntilQueuedAsync(queued.Count);

        var refused = Events.Valid();
        var response = await agent.PostAsync(refused);

        await AssertUnavailableProblemAsync(response);
        factory.Faults.ReleaseHeldCommit();
        Assert.Equal(HttpStatusCode.Created, (await plugResponse.WaitAsync(Patience)).StatusCode);
        Assert.All(await Task.WhenAll(queuedResponses).WaitAsync(Patience), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(queued.Count, await StoredCountAsync(queued));
        Assert.Equal(0, await StoredCountAsync([refused]));
    }

    private static async Task AssertUnavailableProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After is {response.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await response.ReadJsonAsync();
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }

    private async Task WaitUntilQueuedAsync(int events)
    {
        var queue = factory.Services.GetRequiredService<WriteQueue>();
        var deadline = DateTime.UtcNow + Patience;
        while (queue.QueuedEvents < events)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {queue.QueuedEvents} of {events} events were queued");
            await Task.Delay(10);
        }
    }

    // The store is the truth: ask it, not a cache.
    private async Task<int> StoredCountAsync(IEnumerable<JsonObject> bodies)
    {
        var ids = bodies.Select(b => Guid.Parse(b["eventId"]!.GetValue<string>())).ToList();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<FirewallDbContext>>().CreateDbContextAsync();
        return await db.Events.CountAsync(e => ids.Contains(e.EventId));
    }
}

public sealed class CommittedBeforeAcknowledgedTestsOnSqlite(CommitFaultApiFactory factory)
    : CommittedBeforeAcknowledgedTests(factory), IClassFixture<CommitFaultApiFactory>;

public sealed class CommittedBeforeAcknowledgedTestsOnPostgres(PostgresCommitFaultApiFactory factory)
    : CommittedBeforeAcknowledgedTests(factory), IClassFixture<PostgresCommitFaultApiFactory>;

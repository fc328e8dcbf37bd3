using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using Firewall.Api.Ingest;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Core.Serialization;
using Firewall.Storage;

namespace Firewall.Api.Tests;

/// <summary>The API with room for the many queries the property below makes.</summary>
public class RoomyQueryFactory : FirewallApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Firewall:RateLimits:Query:Burst", "100000"), new("Firewall:RateLimits:Query:RequestsPerSecond", "100000")];
}

public sealed class RoomyQueryPostgresFactory : RoomyQueryFactory
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

/// <summary>
/// Property: whatever an agent posts (see <see cref="HostileJson"/>), the answer is 2xx, 400, 413, 415, 429 or 503, never
/// a 500; every 400 is a problem naming a field; in a batch every acknowledged item is stored and no rejected one is; and
/// an item is rejected in a batch exactly when it is rejected alone.
/// </summary>
public abstract class HostileInputTests(RoomyQueryFactory factory)
{
    // Bounded so that each store's run takes seconds; a failure prints the seed that replays it (Check.Seed).
    private const int Iterations = 40;

    private static readonly HttpStatusCode[] Allowed =
    [
        HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge,
        HttpStatusCode.UnsupportedMediaType, HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable,
    ];

    [Fact]
    public async Task NoHostileEventOrBatchGetsA500OrLeavesAnythingHalfStored()
    {
        var agent = factory.Agent();
        var analyst = factory.Analyst();
        await HostileJson.Batch.SampleAsync(events => CheckCaseAsync(agent, analyst, events), iter: Iterations, threads: 1);
    }

    private static async Task CheckCaseAsync(HttpClient agent, HttpClient analyst, string[] events)
    {
        var agentId = $"hostile-{Guid.NewGuid().ToString("N")[..8]}";
        var batchBody = "{\"events\":[" + string.Join(',', events) + "]}";
        using var batch = await agent.PostAsync("/api/v1/events/batch", Body(HostileJson.Bytes(batchBody, agentId)));
        Assert.Contains(batch.StatusCode, Allowed);

        var acknowledged = new HashSet<long>();
        var rejected = new bool?[events.Length];
        if (batch.StatusCode == HttpStatusCode.OK)
        {
            using var results = await batch.ReadJsonAsync();
            foreach (var item in results.RootElement.GetProperty("results").EnumerateArray())
            {
                var index = item.GetProperty("index").GetInt32();
                rejected[index] = item.GetProperty("status").GetString() == "rejected";
                if (rejected[index] == true)
                {
                    AssertNamesFields(item.GetProperty("errors"));
                }
                else
                {
                    acknowledged.Add(item.GetProperty("id").GetInt64());
                }
            }
        }
        else if (batch.StatusCode == HttpStatusCode.BadRequest)
        {
            await AssertProblemNamingAFieldAsync(batch);
        }

        // The same items alone: rejected alone exactly when rejected in the batch.
        for (var i = 0; i < events.Length; i++)
        {
            using var single = await agent.PostAsync("/api/v1/events", Body(HostileJson.Bytes(events[i], agentId)));
            Assert.Contains(single.StatusCode, Allowed);
            if (single.StatusCode == HttpStatusCode.BadRequest)
            {
                await AssertProblemNamingAFieldAsync(single);
            }
            else if (single.IsSuccessStatusCode)
            {
                using var created = await single.ReadJsonAsync();
                acknowledged.Add(created.RootElement.GetProperty("id").GetInt64());
            }

            if (rejected[i] is { } wasRejected && single.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK or HttpStatusCode.Created)
            {
                Assert.True(wasRejected == (single.StatusCode == HttpStatusCode.BadRequest), $"item {i} was {(wasRejected ? "rejected" : "stored")} in the batch but answered {(int)single.StatusCode} alone: {events[i]}");
            }
        }

        // Nothing half-stored: every row of this case's agent was acknowledged, and every acknowledged event is there.
        var stored = await StoredIdsAsync(analyst, agentId);
        Assert.Subset(acknowledged, stored);
        foreach (var id in acknowledged.Except(stored))
        {
            using var byId = await analyst.GetAsync($"/api/v1/events/{id}");
            Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        }
    }

    private static async Task<HashSet<long>> StoredIdsAsync(HttpClient analyst, string agentId)
    {
        var from = UtcTimestampConverter.Format(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var to = UtcTimestampConverter.Format(DateTimeOffset.UtcNow.AddHours(1));
        using var page = await (await analyst.GetAsync($"/api/v1/events?agentId={agentId}&from={from}&to={to}&limit=1000")).ReadJsonAsync();
        return [.. page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64())];
    }

    private static async Task AssertProblemNamingAFieldAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await response.ReadJsonAsync();
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        AssertNamesFields(problem.RootElement.GetProperty("errors"));
    }

    private static void AssertNamesFields(JsonElement errors)
    {
        var fields = errors.EnumerateObject().ToList();
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            Assert.NotEqual("", field.Name);
            var messages = field.Value.EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.NotEmpty(messages);
            // The batch's catch-all for a fault of ours must never be what an input meets.
            Assert.DoesNotContain(IngestEndpoints.UnprocessableItem, messages);
        }
    }

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}

public sealed class HostileInputTestsOnSqlite(RoomyQueryFactory factory) : HostileInputTests(factory), IClassFixture<RoomyQueryFactory>;

public sealed class HostileInputTestsOnPostgres(RoomyQueryPostgresFactory factory) : HostileInputTests(factory), IClassFixture<RoomyQueryPostgresFactory>;

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

/// <summary>Every bad input API.md names is a 400 (or 413/415) problem that names the wrong field.</summary>
public abstract class BadInputTests(FirewallApiFactory factory)
{
    private const string EventsPath = "/api/v1/events";

    [Fact]
    public async Task MalformedJsonIsA400Problem()
    {
        var response = await factory.Agent().PostAsync(EventsPath, Events.Json("{\"type\": \"other\", "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ADuplicatePropertyIsRejected()
    {
        var raw = Events.Valid().ToJsonString().Replace("\"action\":\"blocked\"", "\"action\":\"blocked\",\"action\":\"allowed\"", StringComparison.Ordinal);

        var response = await factory.Agent().PostAsync(EventsPath, Events.Json(raw));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than once", (await response.ProblemErrorsFor("action"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberWhereAnEnumerationNameIsExpectedIsRejected()
    {
        var body = Events.Valid();
        body["severity"] = 4;

        var response = await factory.Agent().PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be one of", (await response.ProblemErrorsFor("severity"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownEnumerationValueIsRejected()
    {
        var body = Events.Valid(type: "sql_injection");

        var response = await factory.Agent().PostAsync(body);

        Assert.Contains("prompt_injection", (await response.ProblemErrorsFor("type"))[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("message")]
    [InlineData("agentId")]
    public async Task ANulCharacterInAnyStringIsRejected(string field)
    {
        var body = Events.Valid();
        body[field] = "before\u0000after";

        var response = await factory.Agent().PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("U+0000", (await response.ProblemErrorsFor(field))[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("message")]
    [InlineData("agentId")]
    [InlineData("model")]
    [InlineData("source.userId")]
    [InlineData("source.sessionId")]
    [InlineData("attributes.k")]
    public async Task ALoneSurrogateInAnyStringIsA400NamingTheField(string field)
    {
        var response = await factory.Agent().PostAsync(EventsPath, Events.Json(WithLoneSurrogateAt(field)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode", (await response.ProblemErrorsFor(field))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoneSurrogateInAnAttributeKeyNamesTheAttributes()
    {
        var raw = Events.Valid().ToJsonString().TrimEnd('}') + ",\"attributes\":{\"\\udc00\":1}}";

        var response = await factory.Agent().PostAsync(EventsPath, Events.Json(raw));

        Assert.Contains("property name", (await response.ProblemErrorsFor("attributes"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BytesThatAreNotUtf8AreA400NamingTheField()
    {
        var raw = Encoding.UTF8.GetBytes(Events.Valid(content: "before-X-after").ToJsonString());
        var at = raw.AsSpan().IndexOf("-X-"u8) + 1;
        byte[] body = [.. raw[..at], 0xED, 0xA0, 0x80, .. raw[(at + 1)..]];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await factory.Agent().PostAsync(EventsPath, content);

        Assert.NotEmpty(await response.ProblemErrorsFor("content"));
    }

    [Fact]
    public async Task APairedSurrogateEscapeIsText()
    {
        var raw = Events.Valid(content: "PLACEHOLDER").ToJsonString().Replace("PLACEHOLDER", "smile \\ud83d\\ude00", StringComparison.Ordinal);

        var response = await factory.Agent().PostAsync(EventsPath, Events.Json(raw));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var stored = await response.ReadJsonAsync();
        Assert.Equal("smile \U0001F600", stored.RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task ABatchRejectsEachBadItemAloneAndStoresItsNeighbours()
    {
        var valid = Events.Valid();
        string[] items =
        [
            WithLoneSurrogateAt("attributes.k"),
            valid.ToJsonString(),
            Events.Valid().ToJsonString().TrimEnd('}') + ",\"\\ud800\":1}",
            Events.Valid().ToJsonString().Replace("\"action\":\"blocked\"", "\"action\":\"blocked\",\"action\":\"allowed\"", StringComparison.Ordinal),
            Events.Valid().ToJsonString().TrimEnd('}') + ",\"attributes\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40) + "}",
            "null",
        ];

        var response = await factory.Agent().PostAsync($"{EventsPath}/batch", Events.Json("{\"events\":[" + string.Join(',', items) + "]}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var batch = await response.ReadJsonAsync();
        Assert.Equal(1, batch.RootElement.GetProperty("created").GetInt32());
        Assert.Equal(5, batch.RootElement.GetProperty("rejected").GetInt32());
        var results = batch.RootElement.GetProperty("results");
        Assert.True(results[0].GetProperty("errors").TryGetProperty("attributes.k", out _), results[0].ToString());
        Assert.True(results[3].GetProperty("errors").TryGetProperty("action", out _), results[3].ToString());
        Assert.Equal(valid["eventId"]!.GetValue<string>(), results[1].GetProperty("eventId").GetString());
        var stored = await factory.Analyst().GetAsync($"{EventsPath}/{results[1].GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
    }

    [Fact]
    public async Task NestingDeeperThan32IsRejected()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        var raw = Events.Valid().ToJsonString().TrimEnd('}') + ",\"attributes\":" + deep + "}";

        var response = await factory.Agent().PostAsync(EventsPath, Events.Json(raw));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("id", "1")]
    [InlineData("receivedAt", "\"2026-01-01T00:00:00Z\"")]
    [InlineData("category", "\"LLM01\"")]
    [InlineData("riskScore", "100")]
    [InlineData("findings", "[]")]
    public async Task FieldsTheServerOwnsAreRejected(string field, string value)
    {
        var body = Events.Valid();
        body[field] = JsonNode.Parse(value);

        var response = await factory.Agent().PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("assigned by the server", (await response.ProblemErrorsFor(field))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFieldIsRejected()
    {
        var body = Events.Valid();
        body["sevirity"] = "high";

        var response = await factory.Agent().PostAsync(body);

        Assert.Contains("not a known field", (await response.ProblemErrorsFor("sevirity"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageOver2KiBIsRejected()
    {
        var body = Events.Valid();
        body["message"] = new string('m', 2 * 1024 + 1);

        Assert.NotEmpty(await (await factory.Agent().PostAsync(body)).ProblemErrorsFor("message"));
    }

    [Fact]
    public async Task ContentOver16KiBOfUtf8IsRejected()
    {
        var body = Events.Valid(content: new string('é', 8 * 1024 + 1));

        Assert.NotEmpty(await (await factory.Agent().PostAsync(body)).ProblemErrorsFor("content"));
    }

    [Fact]
    public async Task MoreThan32AttributesAreRejected()
    {
        var body = Events.Valid();
        body["attributes"] = new JsonObject(Enumerable.Range(0, 33).Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)i)));

        Assert.NotEmpty(await (await factory.Agent().PostAsync(body)).ProblemErrorsFor("attributes"));
    }

    [Fact]
    public async Task ANonScalarAttributeIsRejected()
    {
        var body = Events.Valid();
        body["attributes"] = new JsonObject { ["nested"] = new JsonObject { ["x"] = 1 } };

        var response = await factory.Agent().PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public async Task ConfidenceOutsideZeroToOneIsRejected(double confidence)
    {
        var body = Events.Valid();
        body["confidence"] = confidence;

        Assert.NotEmpty(await (await factory.Agent().PostAsync(body)).ProblemErrorsFor("confidence"));
    }

    [Fact]
    public async Task AnEventMoreThanFiveMinutesInTheFutureIsRejected()
    {
        var body = Events.Valid(at: DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.NotEmpty(await (await factory.Agent().PostAsync(body)).ProblemErrorsFor("occurredAt"));
    }

    [Fact]
    public async Task ATimestampWithoutOffsetIsRejected()
    {
        var body = Events.Valid();
        body["occurredAt"] = "2026-11-22T17:03:12";

        Assert.NotEmpty(await (await factory.Agent().PostAsync(body)).ProblemErrorsFor("occurredAt"));
    }

    [Fact]
    public async Task MissingRequiredFieldsAreEachNamed()
    {
        var response = await factory.Agent().PostAsync(new JsonObject { ["content"] = "x" });

        Assert.NotEmpty(await response.ProblemErrorsFor("occurredAt"));
        Assert.NotEmpty(await response.ProblemErrorsFor("type"));
        Assert.NotEmpty(await response.ProblemErrorsFor("action"));
    }

    [Fact]
    public async Task ABodyOver1MiBIs413()
    {
        var raw = "{\"content\":\"" + new string('a', 1024 * 1024) + "\"}";

        var response = await factory.Agent().PostAsync(EventsPath, Events.Json(raw));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABatchOfMoreThan1000EventsIsRejectedWhole()
    {
        var batch = new JsonObject { ["events"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => (JsonNode)new JsonObject())]) };

        var response = await factory.Agent().PostAsync($"{EventsPath}/batch", Events.Json(batch.ToJsonString()));

        Assert.NotEmpty(await response.ProblemErrorsFor("events"));
    }

    [Fact]
    public async Task AnEmptyBatchIsRejected()
    {
        var response = await factory.Agent().PostAsync($"{EventsPath}/batch", Events.Json("{\"events\": []}"));

        Assert.NotEmpty(await response.ProblemErrorsFor("events"));
    }

    [Fact]
    public async Task ABatchThatIsNotAnObjectWithEventsIsRejectedWhole()
    {
        var response = await factory.Agent().PostAsync($"{EventsPath}/batch", Events.Json("[{}]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ABatchBodyOver10MiBIs413()
    {
        var raw = "{\"events\":[{\"content\":\"" + new string('a', 10 * 1024 * 1024) + "\"}]}";

        var response = await factory.Agent().PostAsync($"{EventsPath}/batch", Events.Json(raw));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AWrongContentTypeIs415Problem()
    {
        var response = await factory.Agent().PostAsync(EventsPath, new StringContent(Events.Valid().ToJsonString(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("", "gzip")]
    [InlineData("/batch", "br")]
    [InlineData("", "identity,deflate")]
    public async Task ACompressedBodyIs415NamingTheEncoding(string path, string encodings)
    {
        using var content = Events.Json(Events.Valid().ToJsonString());
        foreach (var coding in encodings.Split(','))
        {
            content.Headers.ContentEncoding.Add(coding);
        }

        var response = await factory.Agent().PostAsync(EventsPath + path, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        using var problem = await response.ReadJsonAsync();
        Assert.Contains($"Content-Encoding '{encodings.Split(',')[^1]}' is not supported", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdentityEncodedBodyIsAccepted()
    {
        using var content = Events.Json(Events.Valid().ToJsonString());
        content.Headers.ContentEncoding.Add("identity");

        Assert.Equal(HttpStatusCode.Created, (await factory.Agent().PostAsync(EventsPath, content)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownQueryParameterIsNamed()
    {
        var response = await factory.Analyst().GetAsync($"{EventsPath}?minSeverity=high&sort=asc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ProblemErrorsFor("sort"));
    }

    [Fact]
    public async Task FromNotBeforeToIsRejected()
    {
        var response = await factory.Analyst().GetAsync($"{EventsPath}?from=2026-11-22T12:00:00Z&to=2026-11-22T12:00:00Z");

        Assert.NotEmpty(await response.ProblemErrorsFor("from"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("minSeverity=4", "minSeverity")]
    [InlineData("severity=high,severe", "severity")]
    [InlineData("from=yesterday", "from")]
    [InlineData("limit=1&limit=2", "limit")]
    public async Task BadQueryValuesNameTheParameter(string query, string parameter)
    {
        var response = await factory.Analyst().GetAsync($"{EventsPath}?{query}");

        Assert.NotEmpty(await response.ProblemErrorsFor(parameter));
    }

    [Fact]
    public async Task ATamperedCursorIsRejected()
    {
        var cursor = await FirstPageCursorAsync();
        var tampered = cursor[..5] + (cursor[5] == 'A' ? 'B' : 'A') + cursor[6..];

        var response = await factory.Analyst().GetAsync($"{EventsPath}?limit=1&cursor={tampered}");

        Assert.NotEmpty(await response.ProblemErrorsFor("cursor"));
    }

    [Fact]
    public async Task ACursorUsedWithOtherFiltersIsRejected()
    {
        var cursor = await FirstPageCursorAsync();

        var response = await factory.Analyst().GetAsync($"{EventsPath}?limit=1&minSeverity=critical&cursor={cursor}");

        Assert.NotEmpty(await response.ProblemErrorsFor("cursor"));
    }

    /// <summary>A valid event whose <paramref name="field"/> (a path such as source.userId) holds the lone surrogate escape <c>\ud800</c>.</summary>
    private static string WithLoneSurrogateAt(string field)
    {
        const string Placeholder = "LONE-SURROGATE";
        var body = Events.Valid();
        var path = field.Split('.');
        JsonNode holder = body;
        foreach (var segment in path[..^1])
        {
            holder = holder[segment] ??= new JsonObject();
        }

        holder[path[^1]] = Placeholder;
        return body.ToJsonString().Replace(Placeholder, "\\ud800", StringComparison.Ordinal);
    }

    /// <summary>The nextCursor of a one-item first page, after making sure there is a second page.</summary>
    private async Task<string> FirstPageCursorAsync()
    {
        var agent = factory.Agent();
        for (var i = 0; i < 3; i++)
        {
            await agent.PostAsync(Events.Valid());
        }

        using var page = await (await factory.Analyst().GetAsync($"{EventsPath}?limit=1")).ReadJsonAsync();
        return page.RootElement.GetProperty("nextCursor").GetString()!;
    }

    [Fact]
    public async Task AnUnknownRouteIsA404Problem()
    {
        var response = await factory.Analyst().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AWrongMethodIsA405Problem()
    {
        var response = await factory.Agent().DeleteAsync(EventsPath);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class BadInputTestsOnSqlite(FirewallApiFactory factory) : BadInputTests(factory), IClassFixture<FirewallApiFactory>;

public sealed class BadInputTestsOnPostgres(PostgresApiFactory factory) : BadInputTests(factory), IClassFixture<PostgresApiFactory>;

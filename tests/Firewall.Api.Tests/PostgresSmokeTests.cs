using System.Net;
using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests;

public sealed class PostgresSmokeTests(PostgresApiFactory factory) : IClassFixture<PostgresApiFactory>
{
    [Fact]
    public async Task AnEventPostedOnPostgresIsQueryable()
    {
        var body = Events.Valid();

        Assert.Equal(HttpStatusCode.Created, (await factory.Agent().PostAsync(body)).StatusCode);
        var page = await factory.Analyst().GetStringAsync("/api/v1/events");
        Assert.Contains(body["eventId"]!.GetValue<string>(), page, StringComparison.Ordinal);
    }
}

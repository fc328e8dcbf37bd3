using System.Text.Json;
using Firewall.Api.Auth;
using Firewall.Api.Caching;
using Firewall.Api.RateLimiting;
using Firewall.Core.Serialization;
using Firewall.Storage.Reading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firewall.Api.Query;

/// <summary>The analyst's reads: filtered events, one event, statistics. Every response says whether the cache served it.</summary>
public static class QueryEndpoints
{
    public static IEndpointRouteBuilder MapQueries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization(AuthSetup.ReadPolicy).RequireRateLimiting(RateLimitingSetup.QueryPolicy).WithTags("Query");
        group.MapGet("/events", ListEvents)
            .Produces<EventPageResponse>().ProducesValidationProblem()
            .WithName("ListEvents").WithSummary("Events newest first, filtered by severity, time, type, category, action and agent, with keyset pages");
        group.MapGet("/events/{id:long}", GetEvent)
            .Produces<Core.Events.SecurityEvent>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetEvent").WithSummary("One stored event by its server id");
        group.MapGet("/stats", StatsEndpoint.GetStats)
            .Produces<StatsResponse>().ProducesValidationProblem()
            .WithName("GetStats").WithSummary("Event counts per time bucket and severity");
        return app;
    }

    private static async Task<CachedJson> ListEvents(
        HttpContext context, QueryCache cache, IEventReader reader, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = EventQueryParser.Parse(context.Request.Query, time.GetUtcNow());
        var (answer, status) = await cache.GetOrLoadAsync(query.Filter.Severities, query.CacheKey, async ct =>
        {
            var page = await reader.QueryAsync(query.Filter, query.Limit, query.After, query.Fields, ct);
            var next = page.Next is null ? null : new Cursor(query.Filter.From, query.Filter.To, page.Next).Encode(query.Binding);
            return JsonSerializer.SerializeToUtf8Bytes(new EventPageResponse(page.Items, next), FirewallJson.Options);
        }, cancellationToken);
        return new CachedJson(answer, status);
    }

    private static async Task<Results<CachedJson, ProblemHttpResult>> GetEvent(
        long id, HttpContext context, QueryCache cache, IEventReader reader, CancellationToken cancellationToken)
    {
        var (answer, status) = await cache.GetOrLoadImmutableAsync($"event:{id}", async ct =>
            await reader.FindAsync(id, ct) is { } found ? JsonSerializer.SerializeToUtf8Bytes(found, FirewallJson.Options) : null,
            cancellationToken);
        if (answer is null)
        {
            context.Response.SetCacheHeaders(status);
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No event has id {id}.");
        }

        return new CachedJson(answer, status);
    }
}

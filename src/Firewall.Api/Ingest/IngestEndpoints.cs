using System.Text.Json;
using Firewall.Api.Auth;
using Firewall.Api.Http;
using Firewall.Api.RateLimiting;
using Firewall.Core.Events;
using Firewall.Storage.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Firewall.Api.Ingest;

/// <summary>Agents post events, one or a batch; answers come only after the events are committed.</summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/events").RequireAuthorization(AuthSetup.IngestPolicy).WithTags("Ingest");
        group.MapPost("/", PostEvent)
            .Accepts<EventInput>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("PostEvent").WithSummary("Ingest one event, idempotent on eventId");
        group.MapPost("/batch", PostBatch)
            .Accepts<BatchRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("PostEventBatch").WithSummary("Ingest 1 to 1000 events; valid items are stored even when others are rejected");
        return app;
    }

    private static async Task<Results<Created<SecurityEvent>, Ok<SecurityEvent>, ProblemHttpResult>> PostEvent(
        HttpContext context, IngestService ingest, IngestRateLimiter limiter, CancellationToken cancellationToken)
    {
        EventInput input;
        using (var body = await JsonBody.ReadAsync(context.Request, EventLimits.SingleBodyMaxBytes, cancellationToken))
        {
            input = JsonBody.Deserialize<EventInput>(body.Memory.Span, "event");
        }

        await limiter.AcquireAsync(context.User, 1, cancellationToken);
        var prepared = ingest.Prepare(input, context.User);
        var result = (await ingest.StoreAsync([prepared], CancellationToken.None))[0];
        return result.Outcome switch
        {
            WriteOutcome.Created => TypedResults.Created($"/api/v1/events/{result.Event.Id}", result.Event),
            WriteOutcome.Duplicate => TypedResults.Ok(result.Event),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The eventId is already used by a different event.",
                detail: $"Event {result.Event.EventId} is stored (id {result.Event.Id}) with a different payload; nothing was stored."),
        };
    }

    private static async Task<Ok<BatchResponse>> PostBatch(
        HttpContext context, IngestService ingest, IngestRateLimiter limiter, ILogger<BatchRequest> logger, CancellationToken cancellationToken)
    {
        // The items are slices of the pooled body: every one is read (or rejected) before it goes back to the pool.
        using var body = await JsonBody.ReadAsync(context.Request, EventLimits.BatchBodyMaxBytes, cancellationToken);
        var items = BatchItems.Read(body.Memory);
        await limiter.AcquireAsync(context.User, items.Count, cancellationToken);

        var results = new BatchItemResult[items.Count];
        var accepted = new List<NewEvent>(items.Count);
        var acceptedAt = new List<int>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            try
            {
                accepted.Add(ingest.Prepare(items[index].Read(), context.User));
                acceptedAt.Add(index);
            }
            catch (RequestValidationException invalid)
            {
                results[index] = Rejected(index, items[index], invalid.Errors);
            }
            catch (Exception fault) when (fault is not OperationCanceledException)
            {
                // A fault of ours on one item must not cost its neighbours (agents drop a whole batch on a 500).
                logger.LogError(fault, "Item {Index} of a batch could not be prepared; it is rejected, the others go on", index);
                results[index] = Rejected(index, items[index], new Dictionary<string, string[]> { ["event"] = [UnprocessableItem] });
            }
        }

        var written = accepted.Count == 0 ? [] : await ingest.StoreAsync(accepted, CancellationToken.None);
        for (var i = 0; i < accepted.Count; i++)
        {
            results[acceptedAt[i]] = ToItem(acceptedAt[i], written[i]);
        }

        int created = 0, duplicates = 0, rejected = 0;
        foreach (var result in results)
        {
            switch (result.Status)
            {
                case BatchItemStatus.Created:
                    created++;
                    break;
                case BatchItemStatus.Duplicate:
                    duplicates++;
                    break;
                default:
                    rejected++;
                    break;
            }
        }

        return TypedResults.Ok(new BatchResponse(created, duplicates, rejected, results));
    }

    internal const string UnprocessableItem = "could not be processed; the fault is logged on the server.";

    private static BatchItemResult ToItem(int index, WriteResult written) => written.Outcome switch
    {
        WriteOutcome.Created => new(index, written.Event.Id, written.Event.EventId, BatchItemStatus.Created),
        WriteOutcome.Duplicate => new(index, written.Event.Id, written.Event.EventId, BatchItemStatus.Duplicate),
        _ => new(index, null, written.Event.EventId, BatchItemStatus.Rejected,
            new Dictionary<string, string[]> { ["eventId"] = ["is already used by a different event; nothing was stored."] }),
    };

    private static BatchItemResult Rejected(int index, RawEvent item, IReadOnlyDictionary<string, string[]> errors) =>
        new(index, null, EventIdOf(item), BatchItemStatus.Rejected, errors);

    /// <summary>The eventId of a rejected item, when it has a readable one, so the agent can match the result.</summary>
    private static Guid? EventIdOf(RawEvent item)
    {
        try
        {
            return JsonSerializer.Deserialize<ItemId>(item.Utf8Json.Span, ItemIdOptions)?.EventId;
        }
        catch (JsonException)
        {
            // Not an object, no UUID there, or text that does not decode: the item has no eventId to report.
            return null;
        }
    }

    private sealed record ItemId(Guid? EventId);

    // Lenient where the item is already known to be wrong: other members, repeated names and depth do not matter here.
    private static readonly JsonSerializerOptions ItemIdOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        MaxDepth = EventLimits.MaxBatchJsonDepth,
    };
}

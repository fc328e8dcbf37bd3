using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Firewall.Api.Auth;
using Firewall.Api.Http;
using Firewall.Api.Operations;
using Firewall.Api.RateLimiting;
using Firewall.Core.Events;
using Firewall.Storage.Reading;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Streaming;

/// <summary>
/// <c>GET /api/v1/events/stream</c>: the live tail, as Server-Sent Events. <see cref="TypedResults.ServerSentEvents{T}(IAsyncEnumerable{SseItem{T}})"/>
/// writes ids and the retry advice and flushes each frame; it writes no comments, so heartbeats are events of their own
/// type with no data, which browsers never dispatch.
/// </summary>
public static class StreamEndpoints
{
    private const string HeartbeatEvent = "heartbeat";

    /// <summary>How soon a client should reconnect after its stream ends (replica stopping, client too far behind).</summary>
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan RetryWhenFull = TimeSpan.FromSeconds(5);

    /// <summary>Maps the stream with the query endpoints' role policy and rate limit: a stream costs one query when it opens.</summary>
    public static IEndpointRouteBuilder MapEventStream(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events/stream", OpenStream)
            .RequireAuthorization(AuthSetup.ReadPolicy).RequireRateLimiting(RateLimitingSetup.QueryPolicy).WithTags("Query")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("StreamEvents").WithSummary("Events as they are stored, filtered like the query, as Server-Sent Events; resumes after Last-Event-ID");
        return app;
    }

    private static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> OpenStream(
        HttpContext context, LiveTail tail, IEventReader reader, IOptions<StreamOptions> options, FirewallMetrics metrics)
    {
        var request = StreamRequest.Parse(context.Request);
        if (tail.TrySubscribe(request.Filter) is not { } subscription)
        {
            return ProblemExceptionHandler.Unavailable(context, RetryWhenFull, "This replica serves as many live streams as it may, or is stopping; retry later.");
        }

        // Whatever ends the response ends the subscription, even one whose frames were never enumerated.
        context.Response.RegisterForDispose(subscription);
        context.Response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise buffer the stream
        // A stream lasts minutes: as an HTTP request duration it would swamp the latency histograms and alerts.
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } httpMetrics)
        {
            httpMetrics.MetricsDisabled = true;
        }

        // The replay is read before the response starts, so a store that fails or passes its deadline is a 503 with
        // Retry-After (the exception handler's), not a stream that opens and breaks.
        IReadOnlyList<SecurityEvent> missed = request.LastEventId is { } after
            ? await reader.ReadAfterAsync(subscription.Filter, after, options.Value.ReplayLimit, context.RequestAborted)
            : [];
        return TypedResults.ServerSentEvents(FramesAsync(subscription, request.LastEventId, missed, metrics, options.Value.HeartbeatInterval, context.RequestAborted));
    }

    /// <summary>
    /// A heartbeat with the retry advice first (it sends the headers at once), the stored events after Last-Event-ID (read
    /// before the response started), then live events: subscribed before the replay was read, so none falls between, and
    /// skipped up to the last id replayed.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> FramesAsync(
        LiveSubscription subscription, long? lastEventId, IReadOnlyList<SecurityEvent> missed, FirewallMetrics metrics, TimeSpan heartbeat,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<string>("", HeartbeatEvent) { ReconnectionInterval = ReconnectAfter };
        var seen = lastEventId ?? 0;
        foreach (var replayed in missed)
        {
            seen = replayed.Id;
            metrics.StreamPushed("replay");
            yield return Frame(LiveEvent.From(replayed));
        }

        while (await NextAsync(subscription, heartbeat, cancellationToken) is var wake && wake != Wake.Ended)
        {
            if (wake == Wake.Idle)
            {
                yield return new SseItem<string>("", HeartbeatEvent);
                continue;
            }

            while (subscription.Events.TryRead(out var live))
            {
                if (live.Event.Id > seen)
                {
                    metrics.StreamPushed("live");
                    yield return Frame(live);
                }
            }
        }
    }

    private static SseItem<string> Frame(LiveEvent live) =>
        new(live.Json) { EventId = live.Event.Id.ToString(CultureInfo.InvariantCulture) };

    private enum Wake
    {
        Events,
        Idle,
        Ended,
    }

    private static async Task<Wake> NextAsync(LiveSubscription subscription, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(heartbeat);
        try
        {
            return await subscription.Events.WaitToReadAsync(idle.Token) ? Wake.Events : Wake.Ended;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Wake.Idle;
        }
    }
}

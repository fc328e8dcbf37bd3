using System.Net;
using System.Net.Http.Headers;
using Firewall.Bench.Load;
using Firewall.Core.Events;

namespace Firewall.Cli.Simulation;

/// <summary>
/// Posts one event (<c>/events</c>) or a batch (<c>/events/batch</c>) as a well-behaved agent does: a 429 or 503 is
/// counted, waited out for its Retry-After, and retried with the same eventIds (so nothing is stored twice).
/// </summary>
internal sealed class IngestPoster(HttpClient http, AgentToken token, TrafficTally tally)
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public async Task PostAsync(IReadOnlyList<EventInput> events, CancellationToken stop)
    {
        var single = events.Count == 1;
        var path = single ? "/api/v1/events" : "/api/v1/events/batch";
        var body = single ? WireBodies.OneEvent(events[0]) : WireBodies.Batch(events);
        for (var attempt = 1; ; attempt++)
        {
            using var request = HttpLoad.JsonPost(path, body);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync());
            HttpResponseMessage response;
            try
            {
                // Not cancelled by stop: a request in flight finishes and counts, as Ctrl+C promises.
                response = await http.SendAsync(request, CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                tally.Failed(events.Count, $"{path}: {e.Message}");
                await Task.Delay(DefaultRetryAfter, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            }

            using (response)
            {
                var answer = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created when single:
                        tally.Answered(created: 1, duplicates: 0, rejected: 0);
                        return;
                    case HttpStatusCode.OK when single:
                        tally.Answered(created: 0, duplicates: 1, rejected: 0);
                        return;
                    case HttpStatusCode.OK:
                        var rejected = JsonPeek.Count(answer, "rejected");
                        tally.Answered(JsonPeek.Count(answer, "created"), JsonPeek.Count(answer, "duplicates"), rejected);
                        if (rejected > 0)
                        {
                            tally.Failed(0, $"{path}: {rejected} of {events.Count} events rejected");
                        }

                        return;
                    case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                        throw new TokenRefusedException($"The API answered {(int)response.StatusCode} to {token.Source}: it needs a valid token with the agent role.");
                    case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable when attempt < MaxAttempts:
                        tally.Throttle();
                        await Task.Delay(RetryAfter(response), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                        if (stop.IsCancellationRequested)
                        {
                            return; // stopping: the retry is abandoned, the events were never stored
                        }

                        continue;
                    default:
                        tally.Failed(events.Count, $"{path}: {(int)response.StatusCode} {Problem(answer)}");
                        return;
                }
            }
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > DateTimeOffset.UtcNow => date - DateTimeOffset.UtcNow,
        _ => DefaultRetryAfter,
    };

    private static string Problem(byte[] body)
    {
        try
        {
            return JsonPeek.Text(body, "detail") ?? JsonPeek.Text(body, "title") ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return ""; // not a problem body
        }
    }
}

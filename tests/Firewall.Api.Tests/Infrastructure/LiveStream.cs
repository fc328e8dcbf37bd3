using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// A client's live tail (<c>GET /api/v1/events/stream</c>) read frame by frame with System.Net.ServerSentEvents' parser.
/// Open returns once the first frame (a heartbeat with the retry advice) has arrived: the stream is subscribed by then.
/// </summary>
public sealed class LiveStream : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly HttpResponseMessage _response;
    private readonly SseParser<string> _parser;
    private readonly IAsyncEnumerator<SseItem<string>> _frames;
    private Task<bool>? _next; // a read still waiting for a frame

    private LiveStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _parser = SseParser.Create(body);
        _frames = _parser.EnumerateAsync().GetAsyncEnumerator();
    }

    /// <summary>The retry advice the stream gave.</summary>
    public TimeSpan ReconnectionInterval => _parser.ReconnectionInterval;

    /// <summary>Sends the request and returns the response once its headers are in (the body is left unread).</summary>
    public static async Task<HttpResponseMessage> RequestAsync(HttpClient client, string query = "", string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream" + query);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public static async Task<LiveStream> OpenAsync(HttpClient client, string query = "", string? lastEventId = null)
    {
        var response = await RequestAsync(client, query, lastEventId).WaitAsync(Patience);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"the stream answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new LiveStream(response, await response.Content.ReadAsStreamAsync());
        Assert.Equal("heartbeat", (await stream.NextFrameAsync()).EventType);
        return stream;
    }

    /// <summary>The next frame of any type; fails when the stream ends or none comes within <see cref="Patience"/>.</summary>
    public async Task<SseItem<string>> NextFrameAsync() =>
        await TryNextFrameAsync(Patience) ?? throw new TimeoutException($"no frame within {Patience}");

    /// <summary>The next event, heartbeats skipped: its <c>id:</c> and its data.</summary>
    public async Task<(long Id, JsonElement Event)> NextEventAsync() =>
        await TryNextEventAsync(Patience) ?? throw new TimeoutException($"no event within {Patience}");

    /// <summary>As <see cref="NextEventAsync"/>, or null when none comes within <paramref name="within"/> (a later call may still get it).</summary>
    public async Task<(long Id, JsonElement Event)?> TryNextEventAsync(TimeSpan within)
    {
        while (await TryNextFrameAsync(within) is { } frame)
        {
            if (frame.EventType != "heartbeat")
            {
                Assert.Equal("message", frame.EventType);
                using var data = JsonDocument.Parse(frame.Data);
                return (long.Parse(frame.EventId!, System.Globalization.CultureInfo.InvariantCulture), data.RootElement.Clone());
            }
        }

        return null;
    }

    private async Task<SseItem<string>?> TryNextFrameAsync(TimeSpan within)
    {
        _next ??= _frames.MoveNextAsync().AsTask();
        if (await Task.WhenAny(_next, Task.Delay(within)) != _next)
        {
            return null;
        }

        var more = await _next;
        _next = null;
        return more ? _frames.Current : throw new InvalidOperationException("the stream ended");
    }

    /// <summary>The frames left until the server ends the stream, which must happen within <paramref name="within"/>.</summary>
    public async Task<List<SseItem<string>>> RestUntilEndAsync(TimeSpan within)
    {
        var rest = new List<SseItem<string>>();
        while (await (_next ??= _frames.MoveNextAsync().AsTask()).WaitAsync(within))
        {
            _next = null;
            rest.Add(_frames.Current);
        }

        return rest;
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _frames.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or HttpRequestException or NotSupportedException)
        {
            // The response is gone, and with it what the parser was reading (NotSupported: a read a test gave up on is pending).
        }
    }
}

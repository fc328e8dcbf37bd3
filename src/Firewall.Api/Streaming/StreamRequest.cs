using System.Globalization;
using Firewall.Api.Http;
using Firewall.Api.Query;
using Firewall.Storage.Reading;
using QueryString = Firewall.Api.Query.QueryString;

namespace Firewall.Api.Streaming;

/// <summary>
/// A parsed <c>GET /api/v1/events/stream</c>: the query's filter parameters (no time range, page or cursor: a tail has
/// none) and where to resume: the <c>Last-Event-ID</c> header a reconnecting EventSource sends, else <c>lastEventId</c>.
/// </summary>
internal sealed record StreamRequest(EventFilter Filter, long? LastEventId)
{
    public const string LastEventIdHeader = "Last-Event-ID";

    private static readonly HashSet<string> Allowed = [.. EventQueryParser.FilterParameters, "lastEventId"];

    /// <summary>The request, or a <see cref="RequestValidationException"/> naming each bad parameter.</summary>
    public static StreamRequest Parse(HttpRequest request)
    {
        var input = new QueryString(request.Query, Allowed);
        var filter = EventQueryParser.ReadFilter(input);
        // The header wins: on a reconnection the browser repeats the URL and sends the newer id in the header.
        var header = request.Headers[LastEventIdHeader].ToString();
        var lastEventId = header.Length > 0 ? Id(input, LastEventIdHeader, header) : input.Single("lastEventId") is { } text ? Id(input, "lastEventId", text) : null;
        if (input.Errors.Count > 0)
        {
            throw new RequestValidationException(input.Errors);
        }

        return new StreamRequest(filter, lastEventId);
    }

    private static long? Id(QueryString input, string name, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : input.Fail<long?>(name, "must be the id of an event: a whole number.");
}

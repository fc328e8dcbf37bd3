using System.Security.Cryptography;
using System.Text;
using Firewall.Api.Http;
using Firewall.Core.Events;
using Firewall.Storage.Reading;

namespace Firewall.Api.Query;

/// <summary>Reads the query string of <c>GET /api/v1/events</c> into a normalised filter, or a 400 naming each bad parameter.</summary>
internal static class EventQueryParser
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The filter parameters, which the live tail (<c>GET /api/v1/events/stream</c>) takes too.</summary>
    public static readonly IReadOnlySet<string> FilterParameters = new HashSet<string> { "minSeverity", "severity", "type", "category", "agentId", "action" };

    private static readonly HashSet<string> Allowed = [.. FilterParameters, "from", "to", "limit", "cursor", "fields"];

    public static EventQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        var input = new QueryString(query, Allowed);
        var match = ReadFilter(input);
        var from = input.Timestamp("from");
        var to = input.Timestamp("to");
        var limit = input.Integer("limit") ?? DefaultLimit;
        var cursorText = input.Single("cursor");
        var fields = ReadFields(input);

        if (limit is < 1 or > MaxLimit)
        {
            input.Fail<object>("limit", $"must be between 1 and {MaxLimit}.");
        }

        var window = input.Window(from, to, now);

        var binding = Bind(match, from, to);
        Keyset? after = null;
        if (cursorText is not null)
        {
            if (Cursor.TryDecode(cursorText, binding) is { } cursor)
            {
                window = new TimeWindow(cursor.From, cursor.To);
                after = cursor.After;
            }
            else
            {
                input.Fail<object>("cursor", "is not a cursor of this query: reuse nextCursor unchanged, with the same filters.");
            }
        }

        if (input.Errors.Count > 0)
        {
            throw new RequestValidationException(input.Errors);
        }

        var filter = match with { From = window.From, To = window.To };
        var cacheKey = Convert.ToHexString(SHA256.HashData(
            [.. binding, .. Encoding.UTF8.GetBytes($"|{window.From.UtcTicks}|{window.To.UtcTicks}|{limit}|{after?.OccurredAt.UtcTicks}|{after?.Id}|{fields}")]));
        return new EventQuery(filter, limit, after, fields, binding, cacheKey);
    }

    /// <summary>Rows carry the content's excerpt unless <c>fields=full</c> asks for the whole event (docs/API.md).</summary>
    private static PageFields ReadFields(QueryString input) => input.Single("fields") switch
    {
        null => PageFields.Excerpt,
        "full" => PageFields.Full,
        _ => input.Fail<PageFields>("fields", "must be 'full' (or absent, for the content's first 256 characters)."),
    };

    /// <summary>
    /// Reads the filter parameters (errors go to <paramref name="input"/>): the severities they cover, never none, and the
    /// type, category, action and agent conditions, over all time.
    /// </summary>
    public static EventFilter ReadFilter(QueryString input)
    {
        var minSeverity = input.Enum<Severity>("minSeverity");
        var severities = input.EnumSet<Severity>("severity");
        var covered = Enum.GetValues<Severity>().Where(s => (severities is null || severities.Contains(s)) && s >= (minSeverity ?? Severity.Unknown)).ToHashSet();
        if (covered.Count == 0 && !input.Errors.ContainsKey("severity"))
        {
            input.Fail<object>("severity", "selects no severity together with minSeverity.");
        }

        return new EventFilter(covered, DateTimeOffset.MinValue, DateTimeOffset.MaxValue,
            input.EnumSet<EventType>("type"), input.EnumSet<OwaspCategory>("category"), input.EnumSet<EventAction>("action"), input.Single("agentId"));
    }

    /// <summary>A hash of the filters in a canonical order, so equal filters in any spelling bind and cache alike.</summary>
    private static byte[] Bind(EventFilter match, DateTimeOffset? from, DateTimeOffset? to)
    {
        static string List<T>(IEnumerable<T>? values) where T : struct, Enum =>
            values is null ? "*" : string.Join(',', values.Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).Order());
        var canonical = $"v1|{List(match.Severities)}|{from?.UtcTicks}|{to?.UtcTicks}|{List(match.Types)}|{List(match.Categories)}|{List(match.Actions)}|{match.AgentId?.Length}:{match.AgentId}";
        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
    }
}

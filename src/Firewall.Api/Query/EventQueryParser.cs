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

    private static readonly HashSet<string> Allowed = ["minSeverity", "severity", "from", "to", "type", "category", "agentId", "action", "limit", "cursor"];

    public static EventQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        var input = new QueryString(query, Allowed);
        var minSeverity = input.Enum<Severity>("minSeverity");
        var severities = input.EnumSet<Severity>("severity");
        var from = input.Timestamp("from");
        var to = input.Timestamp("to");
        var types = input.EnumSet<EventType>("type");
        var categories = input.EnumSet<OwaspCategory>("category");
        var actions = input.EnumSet<EventAction>("action");
        var agentId = input.Single("agentId");
        var limit = input.Integer("limit") ?? DefaultLimit;
        var cursorText = input.Single("cursor");

        var covered = Enum.GetValues<Severity>().Where(s => (severities is null || severities.Contains(s)) && s >= (minSeverity ?? Severity.Unknown)).ToHashSet();
        if (covered.Count == 0 && !input.Errors.ContainsKey("severity"))
        {
            input.Fail<object>("severity", "selects no severity together with minSeverity.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            input.Fail<object>("limit", $"must be between 1 and {MaxLimit}.");
        }

        var window = TimeWindow.Resolve(from, to, now);
        if (window.From >= window.To)
        {
            input.Fail<object>(from is null ? "to" : "from", "'from' must be earlier than 'to'.");
        }

        var binding = Bind(covered, from, to, types, categories, actions, agentId);
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

        var filter = new EventFilter(covered, window.From, window.To, types, categories, actions, agentId);
        var cacheKey = Convert.ToHexString(SHA256.HashData(
            [.. binding, .. Encoding.UTF8.GetBytes($"|{window.From.UtcTicks}|{window.To.UtcTicks}|{limit}|{after?.OccurredAt.UtcTicks}|{after?.Id}")]));
        return new EventQuery(filter, limit, after, binding, cacheKey);
    }

    /// <summary>A hash of the filters in a canonical order, so equal filters in any spelling bind and cache alike.</summary>
    private static byte[] Bind(
        HashSet<Severity> severities, DateTimeOffset? from, DateTimeOffset? to, HashSet<EventType>? types,
        HashSet<OwaspCategory>? categories, HashSet<EventAction>? actions, string? agentId)
    {
        static string List<T>(IEnumerable<T>? values) where T : struct, Enum =>
            values is null ? "*" : string.Join(',', values.Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).Order());
        var canonical = $"v1|{List(severities)}|{from?.UtcTicks}|{to?.UtcTicks}|{List(types)}|{List(categories)}|{List(actions)}|{agentId?.Length}:{agentId}";
        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
    }
}

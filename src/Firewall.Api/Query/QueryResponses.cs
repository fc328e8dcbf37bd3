using System.Text.Json.Serialization;
using Firewall.Storage.Reading;

namespace Firewall.Api.Query;

/// <summary>One page of events, newest first; <c>nextCursor</c> is null on the last page.</summary>
public sealed record EventPageResponse(
    [property: JsonConverter(typeof(ListedEventsConverter))] IReadOnlyList<ListedEvent> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);

/// <summary>Counts per time bucket and severity (wire names), every bucket of the window included.</summary>
public sealed record StatsResponse(
    string Bucket, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<StatsBucket> Series, IReadOnlyDictionary<string, long> Totals);

public sealed record StatsBucket(DateTimeOffset Start, IReadOnlyDictionary<string, long> Counts);

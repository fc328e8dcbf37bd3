using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Firewall.Api.Caching;
using Firewall.Api.Http;
using Firewall.Core.Events;
using Firewall.Core.Serialization;
using Firewall.Storage.Reading;

namespace Firewall.Api.Query;

/// <summary><c>GET /api/v1/stats</c>: a dense series of per-severity counts, read from the per-minute rollup, never from raw events.</summary>
internal static class StatsEndpoint
{
    public const int MaxBuckets = 2000;

    private static readonly HashSet<string> Allowed = ["from", "to", "bucket"];
    private static readonly Dictionary<string, TimeSpan> Buckets = new(StringComparer.Ordinal)
    {
        ["1m"] = TimeSpan.FromMinutes(1),
        ["5m"] = TimeSpan.FromMinutes(5),
        ["1h"] = TimeSpan.FromHours(1),
        ["1d"] = TimeSpan.FromDays(1),
    };

    private static readonly IReadOnlySet<Severity> AllSeverities = Enum.GetValues<Severity>().ToHashSet();

    public static async Task<CachedJson> GetStats(
        HttpContext context, QueryCache cache, IEventReader reader, TimeProvider time, CancellationToken cancellationToken)
    {
        var input = new QueryString(context.Request.Query, Allowed);
        var from = input.Timestamp("from");
        var to = input.Timestamp("to");
        var bucketName = input.Single("bucket") ?? "1h";
        if (!Buckets.TryGetValue(bucketName, out var bucket))
        {
            input.Fail<object>("bucket", $"must be one of: {string.Join(", ", Buckets.Keys)}.");
            bucket = TimeSpan.FromHours(1);
        }

        var window = input.Window(from, to, time.GetUtcNow());
        var start = TimeWindow.Align(window.From, bucket);
        if (!window.IsEmpty && (window.To - start) / bucket > MaxBuckets)
        {
            input.Fail<object>("bucket", $"gives more than {MaxBuckets} buckets for this window; choose a larger bucket or a shorter window.");
        }

        if (input.Errors.Count > 0)
        {
            throw new RequestValidationException(input.Errors);
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"stats|{start.UtcTicks}|{window.To.UtcTicks}|{bucket.Ticks}")));
        var (answer, status) = await cache.GetOrLoadAsync(AllSeverities, key, async ct =>
        {
            var counts = await reader.CountAsync(start, window.To, bucket, ct);
            return JsonSerializer.SerializeToUtf8Bytes(Shape(bucketName, start, window.To, bucket, counts), FirewallJson.Options);
        }, cancellationToken);
        return new CachedJson(answer, status);
    }

    private static StatsResponse Shape(string bucketName, DateTimeOffset start, DateTimeOffset end, TimeSpan bucket, IReadOnlyList<SeverityCounts> counts)
    {
        var names = WireEnumConverter.NamesOf<Severity>();
        var byStart = counts.ToDictionary(c => c.Start.UtcTicks);
        var series = new List<StatsBucket>();
        var totals = new Dictionary<string, long>();
        for (var at = start; at < end; at += bucket)
        {
            var row = byStart.TryGetValue(at.UtcTicks, out var found) ? found.Counts : new Dictionary<Severity, long>();
            series.Add(new StatsBucket(at, row.ToDictionary(p => names[p.Key], p => p.Value)));
            foreach (var (severity, count) in row)
            {
                totals[names[severity]] = totals.GetValueOrDefault(names[severity]) + count;
            }
        }

        return new StatsResponse(bucketName, start, end, series, totals);
    }
}

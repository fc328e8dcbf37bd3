using System.Diagnostics.Metrics;
using Firewall.Api.Caching;
using Firewall.Core.Events;
using Firewall.Storage.Writing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Firewall.Api.Operations;

/// <summary>
/// Firewall's own meter: every instrument the service exports under the name "Firewall", each recorded at the one place
/// where its event happens. Prometheus names follow from the OpenTelemetry names (dots to underscores, a unit suffix such
/// as <c>_seconds</c>, <c>_total</c> for counters): docs/operations.md and the alerts use those.
/// </summary>
public sealed class FirewallMetrics : IStoreMetrics
{
    public const string MeterName = "Firewall";

    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly int[] BatchBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000];

    private readonly Counter<long> _ingested;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _commitDuration;
    private readonly Counter<long> _cacheRequests;
    private readonly Counter<long> _cacheInvalidations;
    private readonly Counter<long> _rateLimitRejections;
    private readonly Histogram<double> _classificationDuration;
    private readonly UpDownCounter<int> _streams;
    private readonly Counter<long> _streamEvents;
    private readonly Counter<long> _streamDropped;
    private readonly Counter<long> _streamDisconnections;
    private volatile IReadOnlyDictionary<string, HealthStatus> _health = new Dictionary<string, HealthStatus>();

    public FirewallMetrics(IMeterFactory meterFactory, IWriteQueueStatus queue)
    {
        var meter = meterFactory.Create(MeterName);
        _ingested = meter.CreateCounter<long>("firewall.events.ingested", "{event}",
            "Events written by the batch writer, by classified severity, type and outcome (created, duplicate, conflict).");
        _batchSize = meter.CreateHistogram("firewall.store.batch.size", "{event}", "Events per committed transaction (group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _commitDuration = meter.CreateHistogram("firewall.store.commit.duration", "s", "Time to commit one batch, by result (ok, error).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        meter.CreateObservableGauge("firewall.store.queue.depth", () => queue.QueuedEvents, "{event}", "Events waiting for the batch writer.");
        meter.CreateObservableGauge("firewall.store.queue.capacity", () => queue.Capacity, "{event}",
            "Events the write queue holds before ingest answers 503.");
        _cacheRequests = meter.CreateCounter<long>("firewall.cache.requests", "{request}", "Query cache lookups by result (hit, miss, bypass).");
        _cacheInvalidations = meter.CreateCounter<long>("firewall.cache.invalidations", "{invalidation}",
            "Severity generations bumped after a commit, by severity.");
        _rateLimitRejections = meter.CreateCounter<long>("firewall.ratelimit.rejections", "{request}", "Requests answered 429, by policy.");
        _classificationDuration = meter.CreateHistogram("firewall.classification.duration", "s",
            "Time to classify and redact one event (all detectors).", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _streams = meter.CreateUpDownCounter<int>("firewall.stream.subscribers", "{stream}", "Live-tail streams open on this replica.");
        _streamEvents = meter.CreateCounter<long>("firewall.stream.events.pushed", "{event}",
            "Events written to live-tail streams, by source (live, replay).");
        _streamDropped = meter.CreateCounter<long>("firewall.stream.events.dropped", "{event}",
            "Created events the live tail dropped before any stream saw them: its hand-off queue was full.");
        _streamDisconnections = meter.CreateCounter<long>("firewall.stream.disconnections", "{stream}",
            "Live-tail streams ended by the server, by reason (lagging: the client fell too far behind).");
        meter.CreateObservableGauge("firewall.health.healthy", ObserveHealth, "1",
            "1 when the health check (store, redis) last reported Healthy, 0 otherwise.");
    }

    public void BatchCommitted(IReadOnlyList<WriteResult> results, TimeSpan elapsed)
    {
        _batchSize.Record(results.Count);
        _commitDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("result", "ok"));
        foreach (var group in results.GroupBy(r => (r.Event.Severity, r.Event.Type, r.Outcome)))
        {
            _ingested.Add(group.Count(),
                new KeyValuePair<string, object?>("severity", Names.Of(group.Key.Severity)),
                new KeyValuePair<string, object?>("type", Names.Of(group.Key.Type)),
                new KeyValuePair<string, object?>("outcome", Names.Of(group.Key.Outcome)));
        }
    }

    public void BatchFailed(int events, TimeSpan elapsed) =>
        _commitDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("result", "error"));

    public void CacheLookup(CacheStatus status) =>
        _cacheRequests.Add(1, new KeyValuePair<string, object?>("result", Names.Of(status)));

    public void CacheInvalidated(IEnumerable<Severity> severities)
    {
        foreach (var severity in severities)
        {
            _cacheInvalidations.Add(1, new KeyValuePair<string, object?>("severity", Names.Of(severity)));
        }
    }

    public void RateLimitRejected(string policy) => _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("policy", policy));

    public void Classified(TimeSpan elapsed) => _classificationDuration.Record(elapsed.TotalSeconds);

    public void StreamOpened() => _streams.Add(1);

    public void StreamClosed(int streams) => _streams.Add(-streams);

    public void StreamPushed(string source) => _streamEvents.Add(1, new KeyValuePair<string, object?>("source", source));

    public void StreamEventDropped() => _streamDropped.Add(1);

    public void StreamDisconnected(string reason) => _streamDisconnections.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>The last health report, kept for the <c>firewall.health.healthy</c> gauge.</summary>
    public void HealthReported(HealthReport report) =>
        _health = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status);

    private IEnumerable<Measurement<int>> ObserveHealth() =>
        _health.Select(e => new Measurement<int>(e.Value == HealthStatus.Healthy ? 1 : 0, new KeyValuePair<string, object?>("check", e.Key)));

    /// <summary>Label values in snake_case, as the API writes enums.</summary>
    private static class Names
    {
        public static string Of<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }
}

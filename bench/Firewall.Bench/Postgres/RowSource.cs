using Firewall.Bench.Load;
using Firewall.Core.Classification;

namespace Firewall.Bench.Postgres;

/// <summary>
/// Rows for the database-only writers (baselines, bulk load) from the same event mix the agents post: a pool of
/// classified templates re-issued under fresh ids and times, so the generator costs almost nothing while measured.
/// Not thread-safe: one per writer.
/// </summary>
public sealed class RowSource
{
    private readonly StoredRow[] _templates;
    private readonly Random _random;
    private readonly StoredRow?[] _recent = new StoredRow?[256];
    private readonly double _retryShare;
    private long _issued;

    private RowSource(StoredRow[] templates, int seed, double retryShare)
    {
        _templates = templates;
        _random = new Random(seed);
        _retryShare = retryShare;
    }

    /// <summary>Classifies <paramref name="count"/> events of the mix once; share the result between writers with <see cref="For"/>.</summary>
    public static StoredRow[] ClassifyTemplates(int count)
    {
        var classifier = EventClassifier.CreateDefault();
        var mix = new EventMix(seed: 7);
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, count).Select(_ => StoredRow.Classify(mix.Fresh(now), classifier))];
    }

    /// <param name="retryShare">share of rows that repeat an earlier row's event id (0 for a plain COPY, which would fail on them).</param>
    public static RowSource For(StoredRow[] templates, int seed, double retryShare) => new(templates, seed, retryShare);

    public StoredRow Next(DateTime at)
    {
        if (_issued > _recent.Length && _random.NextDouble() < _retryShare)
        {
            return _recent[_random.Next(_recent.Length)]!;
        }

        var row = _templates[_random.Next(_templates.Length)].With(Guid.CreateVersion7(new DateTimeOffset(at)), at);
        _recent[_issued++ % _recent.Length] = row;
        return row;
    }

    public List<StoredRow> Batch(int size, DateTime at) => [.. Enumerable.Range(0, size).Select(_ => Next(at))];
}

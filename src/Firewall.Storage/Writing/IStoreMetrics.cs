namespace Firewall.Storage.Writing;

/// <summary>
/// What the batch writer reports about each commit, so the host can turn it into metrics without the store knowing
/// about them. The store registers a no-op; the API replaces it with its meters.
/// </summary>
public interface IStoreMetrics
{
    /// <summary>A transaction committed <paramref name="results"/> (one per event of the batch) in <paramref name="elapsed"/>.</summary>
    void BatchCommitted(IReadOnlyList<WriteResult> results, TimeSpan elapsed);

    /// <summary>A batch of <paramref name="events"/> events failed after <paramref name="elapsed"/>; nothing of it is stored.</summary>
    void BatchFailed(int events, TimeSpan elapsed);
}

internal sealed class NoStoreMetrics : IStoreMetrics
{
    public void BatchCommitted(IReadOnlyList<WriteResult> results, TimeSpan elapsed)
    {
    }

    public void BatchFailed(int events, TimeSpan elapsed)
    {
    }
}

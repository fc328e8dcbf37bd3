using System.Globalization;
using System.Text;
using Firewall.Api.Operations;
using Firewall.Core.Events;
using Firewall.Storage;
using Firewall.Storage.Writing;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Caching;

/// <summary>
/// Query results keyed by hash(filter), the epoch and the generations of the severities the filter covers (invariants 3 and 4):
/// the generations are read before the store, and bumped after each commit before any ingest is answered, so no query
/// that starts after an ingest response can be served a result that misses that event.
/// </summary>
/// <remarks>
/// Equal queries that miss (or bypass the cache) at the same time share store reads (<see cref="FreshReads{T}"/>): a
/// burst of them costs at most two reads, each started after its callers asked, instead of one each. A load runs for
/// every caller, so it takes no caller's cancellation (the reader's deadline bounds it); each caller still stops
/// waiting at its own cancellation or the store deadline counted from its own arrival (503), as with a load of its own.
/// </remarks>
public sealed class QueryCache(ICacheBackend backend, IOptions<CacheOptions> options, FirewallMetrics metrics, StoreDeadline deadline) : ICommitListener
{
    private readonly FreshReads<CachedAnswer?> _loads = new();

    public async Task<(CachedAnswer Answer, CacheStatus Status)> GetOrLoadAsync(
        IReadOnlySet<Severity> covers, string filterHash, Func<CancellationToken, Task<byte[]>> load, CancellationToken cancellationToken)
    {
        var (answer, status) = await LookUpAsync(covers, filterHash, async ct => await load(ct), cancellationToken);
        metrics.CacheLookup(status);
        return (answer!, status);
    }

    /// <summary>For results that never change once they exist (an event by id): no generations, and absence is not cached.</summary>
    public async Task<(CachedAnswer? Answer, CacheStatus Status)> GetOrLoadImmutableAsync(
        string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        var (answer, status) = options.Value.Enabled
            ? await ReadThroughAsync("i:" + key, load, cancellationToken)
            : (await LoadSharedAsync("b:i:" + key, load, cancellationToken), CacheStatus.Bypass);
        metrics.CacheLookup(status);
        return (answer, status);
    }

    public async ValueTask OnCommittedAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken)
    {
        await backend.BumpAsync(severities, cancellationToken);
        metrics.CacheInvalidated(severities);
    }

    private async Task<(CachedAnswer? Answer, CacheStatus Status)> LookUpAsync(
        IReadOnlySet<Severity> covers, string filterHash, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        var version = options.Value.Enabled ? await backend.ReadVersionAsync(cancellationToken) : null;
        return version is null
            ? (await LoadSharedAsync("b:" + filterHash, load, cancellationToken), CacheStatus.Bypass)
            : await ReadThroughAsync(KeyOf(version, covers, filterHash), load, cancellationToken);
    }

    /// <summary><c>q:{epoch}:{severity-generation…}:{filter hash}</c>, with the covered severities in their order.</summary>
    private static string KeyOf(CacheVersion version, IReadOnlySet<Severity> covers, string filterHash)
    {
        var key = new StringBuilder("q:").Append(version.Epoch).Append(':');
        var separator = "";
        foreach (var severity in CacheVersion.Severities.Where(covers.Contains))
        {
            key.Append(separator).Append(CultureInfo.InvariantCulture, $"{(int)severity}-{version.GenerationOf(severity)}");
            separator = ".";
        }

        return key.Append(':').Append(filterHash).ToString();
    }

    /// <summary>The entry under <paramref name="key"/>, or the loaded answer, stored when it exists and is small enough.</summary>
    private async Task<(CachedAnswer? Answer, CacheStatus Status)> ReadThroughAsync(
        string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        if (await backend.GetAsync(key, cancellationToken) is { } cached)
        {
            return (cached, CacheStatus.Hit);
        }

        return (await WaitForLoadAsync(key, async () =>
        {
            if (await load(CancellationToken.None) is not { } body)
            {
                return null;
            }

            var answer = new CachedAnswer(body);
            if (body.Length <= options.Value.MaxEntryBytes)
            {
                await backend.SetAsync(key, answer, CancellationToken.None);
            }

            return answer;
        }, cancellationToken), CacheStatus.Miss);
    }

    private Task<CachedAnswer?> LoadSharedAsync(string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken) =>
        WaitForLoadAsync(key, async () => await load(CancellationToken.None) is { } body ? new CachedAnswer(body) : null, cancellationToken);

    private Task<CachedAnswer?> WaitForLoadAsync(string key, Func<Task<CachedAnswer?>> load, CancellationToken cancellationToken) =>
        StoreDeadline.RunAsync(_ => _loads.ReadAsync(key, load), deadline.Duration, cancellationToken);
}

using System.Globalization;
using System.Text;
using Firewall.Api.Operations;
using Firewall.Core.Events;
using Firewall.Storage.Writing;
using Microsoft.Extensions.Options;

namespace Firewall.Api.Caching;

/// <summary>
/// Query results keyed by hash(filter), the epoch and the generations of the severities the filter covers (invariants 3 and 4):
/// the generations are read before the store, and bumped after each commit before any ingest is answered, so no query
/// that starts after an ingest response can be served a result that misses that event.
/// </summary>
public sealed class QueryCache(ICacheBackend backend, IOptions<CacheOptions> options, FirewallMetrics metrics) : ICommitListener
{
    public async Task<(CachedAnswer Answer, CacheStatus Status)> GetOrLoadAsync(
        IReadOnlySet<Severity> covers, string filterHash, Func<CancellationToken, Task<byte[]>> load, CancellationToken cancellationToken)
    {
        var answer = await LookUpAsync(covers, filterHash, load, cancellationToken);
        metrics.CacheLookup(answer.Status);
        return answer;
    }

    /// <summary>For results that never change once they exist (an event by id): no generations, and absence is not cached.</summary>
    public async Task<(CachedAnswer? Answer, CacheStatus Status)> GetOrLoadImmutableAsync(
        string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        var answer = await LookUpImmutableAsync(key, load, cancellationToken);
        metrics.CacheLookup(answer.Status);
        return answer;
    }

    public async ValueTask OnCommittedAsync(IReadOnlySet<Severity> severities, CancellationToken cancellationToken)
    {
        await backend.BumpAsync(severities, cancellationToken);
        metrics.CacheInvalidated(severities);
    }

    private async Task<(CachedAnswer Answer, CacheStatus Status)> LookUpAsync(
        IReadOnlySet<Severity> covers, string filterHash, Func<CancellationToken, Task<byte[]>> load, CancellationToken cancellationToken)
    {
        var version = options.Value.Enabled ? await backend.ReadVersionAsync(cancellationToken) : null;
        if (version is null)
        {
            return (new CachedAnswer(await load(cancellationToken)), CacheStatus.Bypass);
        }

        var (answer, status) = await ReadThroughAsync(KeyOf(version, covers, filterHash), async ct => await load(ct), cancellationToken);
        return (answer!, status);
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

    private async Task<(CachedAnswer? Answer, CacheStatus Status)> LookUpImmutableAsync(
        string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken) =>
        options.Value.Enabled
            ? await ReadThroughAsync("i:" + key, load, cancellationToken)
            : (await load(cancellationToken) is { } body ? new CachedAnswer(body) : null, CacheStatus.Bypass);

    /// <summary>The entry under <paramref name="key"/>, or the loaded answer, stored when it exists and is small enough.</summary>
    private async Task<(CachedAnswer? Answer, CacheStatus Status)> ReadThroughAsync(
        string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        if (await backend.GetAsync(key, cancellationToken) is { } cached)
        {
            return (cached, CacheStatus.Hit);
        }

        if (await load(cancellationToken) is not { } body)
        {
            return (null, CacheStatus.Miss);
        }

        var answer = new CachedAnswer(body);
        if (body.Length <= options.Value.MaxEntryBytes)
        {
            await backend.SetAsync(key, answer, cancellationToken);
        }

        return (answer, CacheStatus.Miss);
    }
}

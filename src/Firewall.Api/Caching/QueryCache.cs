using System.Globalization;
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
    public async Task<(byte[] Body, CacheStatus Status)> GetOrLoadAsync(
        IReadOnlySet<Severity> covers, string filterHash, Func<CancellationToken, Task<byte[]>> load, CancellationToken cancellationToken)
    {
        var answer = await LookUpAsync(covers, filterHash, load, cancellationToken);
        metrics.CacheLookup(answer.Status);
        return answer;
    }

    /// <summary>For results that never change once they exist (an event by id): no generations, and absence is not cached.</summary>
    public async Task<(byte[]? Body, CacheStatus Status)> GetOrLoadImmutableAsync(
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

    private async Task<(byte[] Body, CacheStatus Status)> LookUpAsync(
        IReadOnlySet<Severity> covers, string filterHash, Func<CancellationToken, Task<byte[]>> load, CancellationToken cancellationToken)
    {
        var severities = covers.Order().ToArray();
        var version = options.Value.Enabled ? await backend.ReadVersionAsync(severities, cancellationToken) : null;
        if (version is null)
        {
            return (await load(cancellationToken), CacheStatus.Bypass);
        }

        var generations = string.Join('.', severities.Zip(version.Generations, (s, g) => string.Create(CultureInfo.InvariantCulture, $"{(int)s}-{g}")));
        var key = string.Create(CultureInfo.InvariantCulture, $"q:{version.Epoch}:{generations}:{filterHash}");
        var (body, status) = await ReadThroughAsync(key, async ct => await load(ct), cancellationToken);
        return (body!, status);
    }

    private async Task<(byte[]? Body, CacheStatus Status)> LookUpImmutableAsync(
        string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken) =>
        options.Value.Enabled
            ? await ReadThroughAsync("i:" + key, load, cancellationToken)
            : (await load(cancellationToken), CacheStatus.Bypass);

    /// <summary>The entry under <paramref name="key"/>, or the loaded body, stored when it exists and is small enough.</summary>
    private async Task<(byte[]? Body, CacheStatus Status)> ReadThroughAsync(
        string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        if (await backend.GetAsync(key, cancellationToken) is { } cached)
        {
            return (cached, CacheStatus.Hit);
        }

        var body = await load(cancellationToken);
        if (body is not null && body.Length <= options.Value.MaxEntryBytes)
        {
            await backend.SetAsync(key, body, cancellationToken);
        }

        return (body, CacheStatus.Miss);
    }
}

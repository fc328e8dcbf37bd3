using Firewall.Core.Events;

namespace Firewall.Api.Caching;

/// <summary>What a cached result depends on, read in one step before the store: the global epoch (an opaque token) and the generation of every severity.</summary>
public sealed record CacheVersion(string Epoch, long[] Generations)
{
    /// <summary>Every severity, in the order of <see cref="Generations"/> (a severity's number is its index).</summary>
    public static readonly Severity[] Severities = Enum.GetValues<Severity>();

    public long GenerationOf(Severity severity) => Generations[(int)severity];
}

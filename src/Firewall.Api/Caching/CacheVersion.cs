namespace Firewall.Api.Caching;

/// <summary>What a cached result depends on, read in one step before the store: the global epoch (an opaque token) and the generation of each severity.</summary>
public sealed record CacheVersion(string Epoch, long[] Generations);

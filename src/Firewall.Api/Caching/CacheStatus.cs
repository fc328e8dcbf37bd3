namespace Firewall.Api.Caching;

/// <summary>The value of the X-Cache header on every query response.</summary>
public enum CacheStatus
{
    Hit,
    Miss,
    /// <summary>The cache is disabled or unavailable: the store answered.</summary>
    Bypass,
}

namespace Firewall.Api.Tests.Faults;

/// <summary>Rate limits out of the way, for tests that load the API to find what breaks under a fault and not the limiter.</summary>
public static class Unlimited
{
    public static readonly (string Name, string Value)[] Ingest =
        [("Firewall__RateLimits__Ingest__EventsPerSecond", "10000000"), ("Firewall__RateLimits__Ingest__Burst", "10000000")];

    public static readonly (string Name, string Value)[] Queries =
        [("Firewall__RateLimits__Query__RequestsPerSecond", "1000000"), ("Firewall__RateLimits__Query__Burst", "1000000")];
}

using Firewall.Core.Serialization;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// A query URL with an explicit window around now. Without one the query takes the default window, which moves with the
/// minute: a test that repeats a query across a minute boundary would see a MISS where it expects a HIT.
/// </summary>
public static class EventsUrl
{
    public static string For(string filters)
    {
        var now = DateTimeOffset.UtcNow;
        return $"/api/v1/events?{filters}&from={UtcTimestampConverter.Format(now.AddHours(-1))}&to={UtcTimestampConverter.Format(now.AddHours(1))}";
    }
}

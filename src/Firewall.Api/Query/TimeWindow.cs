namespace Firewall.Api.Query;

/// <summary>
/// The half-open window [From, To) on occurredAt. By default the last 24 hours, to the minute, and up to 6 minutes
/// ahead (agents may stamp events 5 minutes in the future): minute alignment lets equal queries share a cache entry.
/// </summary>
internal sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(24);
    private static readonly TimeSpan Ahead = TimeSpan.FromMinutes(6);

    public bool IsEmpty => From >= To;

    public static TimeWindow Resolve(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        var minute = Align(now, TimeSpan.FromMinutes(1));
        var end = to ?? minute + Ahead;
        return new TimeWindow(from ?? (to is null ? minute - DefaultSpan : end - DefaultSpan), end);
    }

    /// <summary>The start of the <paramref name="step"/>-long slot holding <paramref name="at"/>; for whole minutes, hours and days the slots line up with the Unix epoch, as the stats rollups do.</summary>
    public static DateTimeOffset Align(DateTimeOffset at, TimeSpan step) =>
        new(at.UtcTicks - (at.UtcTicks % step.Ticks), TimeSpan.Zero);
}

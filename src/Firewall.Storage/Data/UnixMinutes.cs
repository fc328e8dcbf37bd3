namespace Firewall.Storage.Data;

/// <summary>Whole minutes since the Unix epoch: the key of the <c>event_counts</c> rollup.</summary>
internal static class UnixMinutes
{
    public const long PerHour = 60;

    public static long Of(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMinute;

    /// <summary>The first minute that starts at or after <paramref name="time"/>.</summary>
    public static long CeilingOf(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTime.UnixEpoch.Ticks;
        return (ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute;
    }

    public static DateTimeOffset Start(long minute) => DateTimeOffset.UnixEpoch.AddMinutes(minute);
}

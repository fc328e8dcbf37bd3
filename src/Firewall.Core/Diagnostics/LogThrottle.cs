namespace Firewall.Core.Diagnostics;

/// <summary>
/// At most one log line per reason per interval: a failure repeated a thousand times under load is logged once, and the
/// next line of its kind says how many were left out. Reasons come from a fixed set (the caller's constants or exception
/// types), so the table stays small.
/// </summary>
public sealed class LogThrottle(TimeSpan interval, TimeProvider time)
{
    /// <summary>The interval the service uses: a line per reason every ten seconds at most.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long LoggedAt, long Suppressed)> _reasons = new(StringComparer.Ordinal);

    /// <summary>
    /// True when a line for <paramref name="reason"/> is due; then <paramref name="suppressed"/> is how many occurrences
    /// were left out since the last line. False (the occurrence is counted) while the last line is more recent than the interval.
    /// </summary>
    public bool TryEnter(string reason, out long suppressed)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_reasons.TryGetValue(reason, out var last) && time.GetElapsedTime(last.LoggedAt, now) < interval)
            {
                _reasons[reason] = last with { Suppressed = last.Suppressed + 1 };
                suppressed = 0;
                return false;
            }

            suppressed = last.Suppressed;
            _reasons[reason] = (now, 0);
            return true;
        }
    }
}

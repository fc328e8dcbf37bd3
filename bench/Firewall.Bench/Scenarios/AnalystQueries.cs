using System.Globalization;

namespace Firewall.Bench.Scenarios;

/// <summary>
/// The queries analysts send. Dashboard queries repeat exactly (the cache's case); investigations pick a severity set
/// and a window of their own, so none repeats (the index's case), and sometimes page deep with the cursor.
/// </summary>
public sealed class AnalystQueries(DateTime now, int seed)
{
    private static readonly string[] SeveritySets =
        ["minSeverity=high", "minSeverity=critical", "minSeverity=medium", "severity=critical,fatal", "severity=low", "severity=informational,high", "minSeverity=low", "severity=fatal"];

    private readonly Random _random = new(seed);
    private long _statsIssued;
    private readonly DateTime _hour = new(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    /// <summary>One of a few dashboard panels: fixed filters over the current two hours.</summary>
    public string Dashboard() => Panel(SeveritySets[_random.Next(SeveritySets.Length)]);

    /// <summary>Every dashboard panel, for a generator that cycles them (wrk).</summary>
    public IReadOnlyList<string> Dashboards() => [.. SeveritySets.Select(Panel)];

    private string Panel(string severities) => $"/api/v1/events?{severities}&from={Stamp(_hour.AddHours(-1))}&to={Stamp(_hour.AddHours(1))}";

    /// <summary>A query nobody sent before: random severities, a window of 1 hour to 7 days inside the stored range.</summary>
    public string Investigation(int storedDays)
    {
        var span = TimeSpan.FromMinutes(_random.Next(60, 7 * 24 * 60));
        var to = now - TimeSpan.FromSeconds(_random.NextInt64((long)(storedDays * 86_400 - span.TotalSeconds)));
        return $"/api/v1/events?{SeveritySets[_random.Next(SeveritySets.Length)]}&from={Stamp(to - span)}&to={Stamp(to)}";
    }

    /// <summary>Whether an investigation reads one more page: often, so some pages are deep in the keyset.</summary>
    public bool GoDeeper() => _random.Next(10) < 7;

    /// <summary>A 24-hour histogram ending at a different second each time, so it is never served from cache.</summary>
    public string Stats()
    {
        // a stride through 29 days of seconds, offset per analyst: distinct for millions of requests
        var to = now - TimeSpan.FromSeconds(((_statsIssued++ * 7_919L) + (seed * 104_729L)) % (29 * 86_400L));
        return $"/api/v1/stats?from={Stamp(to.AddHours(-24))}&to={Stamp(to)}&bucket=1h";
    }

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;

namespace Firewall.Bench.Load;

/// <summary>
/// Reads the JSON line the <see cref="WrkScript"/>'s <c>done()</c> prints into a <see cref="LoadOutcome"/>: a 2xx is an
/// item, any other status and every socket error (connect, read, write, timeout) is an error.
/// </summary>
public static class WrkSummary
{
    private sealed record Line(double Seconds, long Requests, long SocketErrors, long Hits, long Lookups, double P50Us, double P99Us, double MaxUs, Dictionary<string, long> Statuses);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static LoadOutcome Parse(string output)
    {
        var json = output.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith("{\"seconds\"", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"wrk printed no summary:\n{output}");
        var line = JsonSerializer.Deserialize<Line>(json, Json) ?? throw new InvalidDataException($"wrk's summary is empty:\n{output}");
        var statuses = line.Statuses.ToDictionary(s => int.Parse(s.Key, CultureInfo.InvariantCulture), s => s.Value);
        var ok = statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);
        var answered = statuses.Values.Sum();
        return new LoadOutcome(
            line.Seconds,
            line.Requests,
            ok,
            answered - ok + line.SocketErrors,
            new LatencySummary(line.P50Us / 1000, line.P99Us / 1000, line.MaxUs / 1000),
            line.Lookups == 0 ? null : line.Hits / (double)line.Lookups,
            statuses)
        {
            Generator = Wrk.Name,
        };
    }
}

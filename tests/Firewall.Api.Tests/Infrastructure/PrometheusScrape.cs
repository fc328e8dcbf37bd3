using System.Globalization;
using System.Text.RegularExpressions;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>One scrape of /metrics in the Prometheus text format: each sample as its name, its labels and its value.</summary>
public sealed partial class PrometheusScrape
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    public IReadOnlySet<string> Names => _samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public static async Task<PrometheusScrape> OfAsync(HttpClient client)
    {
        var scrape = new PrometheusScrape();
        foreach (var line in (await client.GetStringAsync("/metrics")).Split('\n'))
        {
            if (Sample().Match(line) is { Success: true } sample)
            {
                scrape._samples.Add((sample.Groups["name"].Value, sample.Groups["labels"].Value,
                    double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture)));
            }
        }

        return scrape;
    }

    /// <summary>Polls /metrics until <paramref name="done"/> holds (observable gauges and health reports come a moment later).</summary>
    public static async Task<PrometheusScrape> WhenAsync(HttpClient client, Func<PrometheusScrape, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var scrape = await OfAsync(client);
            if (done(scrape) || DateTime.UtcNow > deadline)
            {
                return scrape;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels contain every one of <paramref name="labels"/> (<c>key="value"</c>).</summary>
    public double Sum(string name, params string[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>[-+]?[0-9.eE+-]+|NaN|[+-]Inf)(\s+\d+)?\s*$")]
    private static partial Regex Sample();
}

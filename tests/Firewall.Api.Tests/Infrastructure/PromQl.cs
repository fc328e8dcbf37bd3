using System.Text.RegularExpressions;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>The metric names a PromQL expression reads: identifiers left once strings, label matchers, grouping clauses, durations and PromQL's own words are taken out.</summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Words =
    [
        "sum", "min", "max", "avg", "count", "rate", "irate", "increase", "histogram_quantile", "by", "without", "on", "ignoring",
        "group_left", "group_right", "and", "or", "unless", "bool", "offset", "clamp_min", "clamp_max", "abs", "absent",
        "avg_over_time", "max_over_time", "min_over_time", "label_values", "topk", "bottomk", "vector", "scalar",
    ];

    public static IEnumerable<string> MetricNames(string expression)
    {
        var bare = Strings().Replace(expression, " ");
        bare = Matchers().Replace(bare, " ");
        bare = Grouping().Replace(bare, " ");
        bare = Ranges().Replace(bare, " ");
        return Identifier().Matches(bare).Select(m => m.Value).Where(name => !Words.Contains(name)).Distinct();
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();
}

namespace Firewall.Bench.Scenarios;

/// <summary>The scenario names the command accepts, and which baselines each needs in the same run.</summary>
public static class Catalog
{
    public static readonly IReadOnlyList<string> Scenarios = ["ingest-single", "ingest-batch-postgres", "ingest-batch-sqlite", "query-hit", "query-miss", "mixed", Decomposition.Name];
    public static readonly IReadOnlyList<string> Baselines = ["baseline-copy", "baseline-insert", "baseline-kestrel", "baseline-health-live"];

    public static IReadOnlyList<string> All => [.. Baselines, .. Scenarios];

    /// <summary>The scenarios <see cref="Decomposition"/> runs again with API stages off; each is divided by its usual run.</summary>
    public static readonly IReadOnlyList<string> Decomposed = ["ingest-single", "ingest-batch-postgres", "query-hit"];

    /// <summary>The names asked for, <c>all</c> expanded, with the baselines they are compared to; throws on an unknown name.</summary>
    public static HashSet<string> Expand(IEnumerable<string> names)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name == "all")
            {
                wanted.UnionWith(All);
            }
            else if (name == "ingest-batch")
            {
                wanted.UnionWith(["ingest-batch-postgres", "ingest-batch-sqlite"]);
            }
            else if (All.Contains(name))
            {
                wanted.Add(name);
            }
            else
            {
                throw new ArgumentException($"Unknown scenario '{name}'. Known: all, ingest-batch, {string.Join(", ", All)}.");
            }
        }

        // decompose alone decomposes all three; beside some of them ("decompose query-hit"), only those
        if (wanted.Contains(Decomposition.Name) && !wanted.Overlaps(Decomposed))
        {
            wanted.UnionWith(Decomposed);
        }

        if (wanted.Contains("ingest-single"))
        {
            wanted.Add("baseline-insert");
        }

        if (wanted.Contains("ingest-batch-postgres"))
        {
            wanted.Add("baseline-copy");
        }

        if (wanted.Contains("query-hit"))
        {
            wanted.Add("baseline-health-live");
        }

        if (wanted.Contains("query-miss"))
        {
            wanted.Add("baseline-kestrel");
        }

        return wanted;
    }
}

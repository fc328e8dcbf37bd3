namespace Firewall.Cli.Evaluation;

/// <summary>A scorer's figures over one source group (or <see cref="Overall"/>): counts at the threshold and ranking measures.</summary>
public sealed record SourceMetrics(
    string Source,
    int Rows,
    Confusion AtThreshold,
    double RocAuc,
    double AveragePrecision,
    double RecallAt1PercentFpr,
    double RecallAt5PercentFpr)
{
    public const string Overall = "overall";

    /// <summary>One line per source group (ordinal order), then the <see cref="Overall"/> line.</summary>
    /// <param name="scores">The score of each prompt, in the same order.</param>
    /// <param name="weights">A weight per prompt, or null for weight 1 each.</param>
    public static IReadOnlyList<SourceMetrics> PerSource(
        IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> scores, double threshold, IReadOnlyList<double>? weights = null)
    {
        if (scores.Count != prompts.Count || (weights is not null && weights.Count != prompts.Count))
        {
            throw new ArgumentException("Scores and weights need one entry per prompt.", nameof(scores));
        }

        var lines = new List<SourceMetrics>();
        var groups = Enumerable.Range(0, prompts.Count)
            .GroupBy(i => prompts[i].SourceGroup, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            lines.Add(Measure(group.Key, [.. group], prompts, scores, weights, threshold));
        }

        lines.Add(Measure(Overall, [.. Enumerable.Range(0, prompts.Count)], prompts, scores, weights, threshold));
        return lines;
    }

    private static SourceMetrics Measure(
        string source, int[] rows, IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> scores, IReadOnlyList<double>? weights, double threshold)
    {
        var rowScores = new double[rows.Length];
        var rowLabels = new bool[rows.Length];
        var rowWeights = weights is null ? [] : new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rowScores[i] = scores[rows[i]];
            rowLabels[i] = prompts[rows[i]].IsAttack;
            if (weights is not null)
            {
                rowWeights[i] = weights[rows[i]];
            }
        }

        var metrics = new RankingMetrics(rowScores, rowLabels, rowWeights);
        return new SourceMetrics(
            source,
            rows.Length,
            metrics.At(threshold),
            metrics.RocAuc(),
            metrics.AveragePrecision(),
            metrics.RecallAtFalsePositiveRate(0.01),
            metrics.RecallAtFalsePositiveRate(0.05));
    }
}

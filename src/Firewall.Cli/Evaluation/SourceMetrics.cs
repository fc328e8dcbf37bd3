namespace Firewall.Cli.Evaluation;

/// <summary>
/// A scorer's figures over one source group (or <see cref="Overall"/>): counts at the threshold, and ROC-AUC and
/// average precision of the group's own rows (NaN unless it has both classes). Recall at 1 % and 5 % false positives
/// is the group's recall at the overall operating point, the threshold where the false-positive rate over all rows is
/// at most that (<see cref="RankingMetrics.BestWithin"/>): one threshold serves all traffic, so an attack-only source
/// still shows how much of it that threshold catches.
/// </summary>
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

    /// <summary>One line per source group (ordinal order), then the <see cref="Overall"/> line, at one threshold.</summary>
    /// <param name="scores">The score of each prompt, in the same order.</param>
    /// <param name="weights">A weight per prompt, or null for weight 1 each.</param>
    public static IReadOnlyList<SourceMetrics> PerSource(
        IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> scores, double threshold, IReadOnlyList<double>? weights = null) =>
        PerSource(prompts, scores, _ => threshold, weights);

    /// <summary>As above, with a threshold per prompt (such as its fold's, from <see cref="ThresholdSelection.ForRows"/>).</summary>
    public static IReadOnlyList<SourceMetrics> PerSource(
        IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> scores, IReadOnlyList<double> thresholds, IReadOnlyList<double>? weights = null) =>
        thresholds.Count == prompts.Count
            ? PerSource(prompts, scores, row => thresholds[row], weights)
            : throw new ArgumentException("The thresholds need one entry per prompt.", nameof(thresholds));

    private static List<SourceMetrics> PerSource(
        IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> scores, Func<int, double> thresholdOf, IReadOnlyList<double>? weights)
    {
        if (scores.Count != prompts.Count || (weights is not null && weights.Count != prompts.Count))
        {
            throw new ArgumentException("Scores and weights need one entry per prompt.", nameof(scores));
        }

        var all = Measure(Overall, [.. Enumerable.Range(0, prompts.Count)], prompts, scores, thresholdOf, weights, overall: null);
        var lines = Enumerable.Range(0, prompts.Count)
            .GroupBy(row => prompts[row].SourceGroup, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Measure(group.Key, [.. group], prompts, scores, thresholdOf, weights, all.Ranking))
            .Select(measured => measured.Line)
            .ToList();
        lines.Add(all.Line);
        return lines;
    }

    // The overall line is measured first: its ranking gives every group's operating points.
    private static (SourceMetrics Line, RankingMetrics Ranking) Measure(
        string source, int[] rows, IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> scores, Func<int, double> thresholdOf,
        IReadOnlyList<double>? weights, RankingMetrics? overall)
    {
        var rowScores = new double[rows.Length];
        var margins = new double[rows.Length];
        var labels = new bool[rows.Length];
        var rowWeights = weights is null ? [] : new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rowScores[i] = scores[rows[i]];
            margins[i] = scores[rows[i]] - thresholdOf(rows[i]); // score ≥ threshold exactly when score - threshold ≥ 0
            labels[i] = prompts[rows[i]].IsAttack;
            if (weights is not null)
            {
                rowWeights[i] = weights[rows[i]];
            }
        }

        var ranking = new RankingMetrics(rowScores, labels, rowWeights);
        var line = new SourceMetrics(
            source,
            rows.Length,
            new RankingMetrics(margins, labels, rowWeights).At(0),
            ranking.RocAuc(),
            ranking.AveragePrecision(),
            RecallAtOverallPoint(ranking, overall ?? ranking, 0.01),
            RecallAtOverallPoint(ranking, overall ?? ranking, 0.05));
        return (line, ranking);
    }

    private static double RecallAtOverallPoint(RankingMetrics group, RankingMetrics overall, double maxFalsePositiveRate) =>
        overall.HasBothClasses ? group.At(overall.BestWithin(maxFalsePositiveRate).Threshold).Recall : double.NaN;
}

using System.Globalization;

namespace Firewall.Cli.Evaluation;

/// <summary>
/// Chooses operating thresholds from out-of-fold scores, never from the rows a report judges. The rule: the threshold
/// with the highest recall whose false-positive rate on the given scores is at most a target, placed halfway to the
/// next lower score (<see cref="RankingMetrics.BestWithin"/>).
/// </summary>
public static class ThresholdSelection
{
    /// <summary>The threshold to ship or to apply to another set, chosen on all the out-of-fold scores.</summary>
    /// <param name="scoresName">Names the scores in the origin, such as "5-fold out-of-fold scores of train.jsonl".</param>
    public static ChosenThreshold Choose(
        IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> outOfFoldScores, double maxFalsePositiveRate, string scoresName) =>
        Choose(prompts, outOfFoldScores, [.. Enumerable.Range(0, prompts.Count)], maxFalsePositiveRate, scoresName);

    /// <summary>
    /// One threshold per fold, each chosen on the other folds' out-of-fold scores: a cross-validated report judges each
    /// fold by a threshold its own labels did not choose.
    /// </summary>
    public static IReadOnlyList<ChosenThreshold> PerFold(
        IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> outOfFoldScores, Folds folds, double maxFalsePositiveRate) =>
        [.. Enumerable.Range(0, folds.Count).Select(fold => Choose(
            prompts, outOfFoldScores, [.. folds.RowsOutside(fold)], maxFalsePositiveRate, $"the out-of-fold scores outside {folds.Names[fold]}"))];

    /// <summary>The threshold that applies to each row: its fold's.</summary>
    public static double[] ForRows(IReadOnlyList<ChosenThreshold> perFold, Folds folds) =>
        [.. folds.FoldOfRow.Select(fold => perFold[fold].Value)];

    private static ChosenThreshold Choose(
        IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<double> scores, int[] rows, double maxFalsePositiveRate, string scoresName)
    {
        if (scores.Count != prompts.Count)
        {
            throw new ArgumentException("The scores need one entry per prompt.", nameof(scores));
        }

        var metrics = new RankingMetrics(
            [.. rows.Select(row => scores[row])], [.. rows.Select(row => prompts[row].IsAttack)]);
        var point = metrics.BestWithin(maxFalsePositiveRate);
        return new ChosenThreshold(point.Threshold, string.Create(CultureInfo.InvariantCulture,
            $"highest recall at a false-positive rate ≤ {maxFalsePositiveRate:0.##%} on {scoresName}: recall {point.Recall:0.000}, false-positive rate {point.FalsePositiveRate:0.000}"));
    }
}

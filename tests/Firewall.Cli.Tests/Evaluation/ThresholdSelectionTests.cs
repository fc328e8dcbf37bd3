using Firewall.Cli.Evaluation;

namespace Firewall.Cli.Tests.Evaluation;

public sealed class ThresholdSelectionTests
{
    // Attacks at 0.9, 0.7, 0.5, 0.5; benign rows at 0.8, 0.5, 0.3, 0.1.
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.5, 0.5, 0.5, 0.3, 0.1];
    private static readonly LabelledPrompt[] Prompts =
        [.. new[] { true, false, true, true, true, false, false, false }.Select((attack, i) => new LabelledPrompt($"p{i}", attack, "s", ""))];

    [Fact]
    public void The_threshold_has_the_highest_recall_within_the_target_and_says_so()
    {
        var chosen = ThresholdSelection.Choose(Prompts, Scores, 0.25, "hand-made scores");

        Assert.Equal(0.6, chosen.Value, 12);
        Assert.Equal("highest recall at a false-positive rate ≤ 25% on hand-made scores: recall 0.500, false-positive rate 0.250", chosen.Origin);
    }

    [Fact]
    public void Scores_of_one_class_cannot_choose_a_threshold()
    {
        Assert.Throws<InvalidOperationException>(() => ThresholdSelection.Choose(Prompts[..1], Scores[..1], 0.01, "one attack"));
    }

    [Fact]
    public void A_fold_threshold_is_chosen_on_the_other_folds_only()
    {
        var folds = new Folds([0, 1, 1, 0, 1, 1, 1, 0], ["left", "right"]);

        var perFold = ThresholdSelection.PerFold(Prompts, Scores, folds, 0.25);

        // Outside "left": attacks 0.7, 0.5 and benign 0.8, 0.5, 0.3 (rows 1, 2, 4, 5, 6); at most a quarter of the
        // benign rows flagged means none of them, and the top score is benign, so the cut lies just above 0.8.
        // Outside "right": attacks 0.9, 0.5 and benign 0.1 (rows 0, 3, 7); flagging 0.5 costs no false positive, so the
        // cut lies halfway to 0.1.
        Assert.True(perFold[0].Value > 0.8);
        Assert.Equal(0.8, perFold[0].Value, 12);
        Assert.StartsWith("highest recall at a false-positive rate ≤ 25% on the out-of-fold scores outside left: recall 0.000", perFold[0].Origin, StringComparison.Ordinal);
        Assert.Equal(0.3, perFold[1].Value, 12);
        Assert.Equal([0.8, 0.3, 0.3, 0.8, 0.3, 0.3, 0.3, 0.8], ThresholdSelection.ForRows(perFold, folds), new ToleranceComparer());
    }

    [Fact]
    public void A_fold_threshold_does_not_depend_on_its_own_labels()
    {
        var folds = new Folds([0, 1, 1, 0, 1, 1, 1, 0], ["left", "right"]);
        var flipped = Prompts.Select((p, row) => folds.FoldOfRow[row] == 0 ? p with { IsAttack = !p.IsAttack } : p).ToArray();

        var original = ThresholdSelection.PerFold(Prompts, Scores, folds, 0.25);
        var afterFlip = ThresholdSelection.PerFold(flipped, Scores, folds, 0.25);

        Assert.Equal(original[0], afterFlip[0]);
        Assert.NotEqual(original[1], afterFlip[1]); // the other fold's threshold is chosen on these labels
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}

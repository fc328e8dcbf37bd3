using Firewall.Cli.Evaluation;

namespace Firewall.Cli.Tests.Evaluation;

public sealed class SourceMetricsTests
{
    // Three rows that report as "mixed/x" (two from deeper paths) and an attack-only source.
    private static readonly LabelledPrompt[] Prompts =
    [
        new("one", true, "mixed/x/a", ""),
        new("two", false, "mixed/x/b", ""),
        new("three", true, "attacks", ""),
        new("four", false, "mixed/x", ""),
        new("five", true, "attacks", ""),
    ];

    private static readonly double[] Scores = [0.9, 0.3, 0.6, 0.7, 0.2];

    [Fact]
    public void Lines_are_per_source_group_in_ordinal_order_then_overall()
    {
        var lines = SourceMetrics.PerSource(Prompts, Scores, 0.5);

        Assert.Equal(["attacks", "mixed/x", SourceMetrics.Overall], lines.Select(l => l.Source));
        Assert.Equal([2, 3, 5], lines.Select(l => l.Rows));
    }

    [Fact]
    public void Each_line_counts_its_own_rows_at_the_threshold()
    {
        var lines = SourceMetrics.PerSource(Prompts, Scores, 0.5);

        Assert.Equal(new Confusion(1, 0, 1, 0), lines[0].AtThreshold);
        Assert.Equal(new Confusion(1, 1, 0, 1), lines[1].AtThreshold);
        Assert.Equal(new Confusion(2, 1, 1, 1), lines[2].AtThreshold);
    }

    [Fact]
    public void A_source_of_one_class_has_no_roc_or_pr_auc_of_its_own_and_the_overall_line_does()
    {
        var lines = SourceMetrics.PerSource(Prompts, Scores, 0.5);

        Assert.True(double.IsNaN(lines[0].RocAuc) && double.IsNaN(lines[0].AveragePrecision));
        Assert.Equal((1.0, 1.0), (lines[1].RocAuc, lines[1].AveragePrecision));

        // Overall, attacks 0.9, 0.6, 0.2 against benign 0.7, 0.3: 2 + 1 + 0 of 6 pairs.
        Assert.Equal(0.5, lines[2].RocAuc, 12);
    }

    [Fact]
    public void Recall_at_a_false_positive_rate_is_each_source_s_recall_at_the_overall_operating_point()
    {
        var lines = SourceMetrics.PerSource([.. Prompts, new("six", false, "benign", "")], [.. Scores, 0.1], 0.5);

        // Overall, the benign row at 0.7 is the first false positive, so at 1 % only scores above it are flagged: 0.9.
        Assert.Equal(["attacks", "benign", "mixed/x", SourceMetrics.Overall], lines.Select(l => l.Source));
        Assert.Equal(0.0, lines[0].RecallAt1PercentFpr);
        Assert.True(double.IsNaN(lines[1].RecallAt1PercentFpr)); // no attacks to recall
        Assert.Equal(1.0, lines[2].RecallAt1PercentFpr);
        Assert.Equal(1.0 / 3, lines[3].RecallAt1PercentFpr, 12);
        Assert.Equal(1.0 / 3, lines[3].RecallAt5PercentFpr, 12);
    }

    [Fact]
    public void Without_both_classes_overall_there_is_no_operating_point_and_no_error()
    {
        var lines = SourceMetrics.PerSource(Prompts[2..3], Scores[2..3], 0.5);

        Assert.All(lines, line => Assert.True(double.IsNaN(line.RecallAt1PercentFpr)));
        Assert.Equal(1.0, lines[^1].AtThreshold.Recall);
    }

    [Fact]
    public void A_threshold_per_row_judges_each_row_by_its_own()
    {
        // Row 0 (attack, 0.9) is held to 0.95 and missed; row 3 (benign, 0.7) to 0.8 and left alone.
        double[] thresholds = [0.95, 0.5, 0.5, 0.8, 0.1];

        var overall = SourceMetrics.PerSource(Prompts, Scores, thresholds)[^1];

        Assert.Equal(new Confusion(2, 0, 1, 2), overall.AtThreshold);
        Assert.Equal(0.5, overall.RocAuc, 12); // ranking figures use the scores alone
    }

    [Fact]
    public void A_score_exactly_at_the_threshold_is_flagged()
    {
        var overall = SourceMetrics.PerSource(Prompts, Scores, 0.6)[^1];

        Assert.Equal(new Confusion(2, 1, 1, 1), overall.AtThreshold);
    }

    [Fact]
    public void Weights_scale_the_counts()
    {
        var overall = SourceMetrics.PerSource(Prompts, Scores, 0.5, [2, 1, 1, 0.5, 1])[^1];

        Assert.Equal(new Confusion(3, 0.5, 1, 1), overall.AtThreshold);
    }

    [Fact]
    public void Scores_thresholds_or_weights_of_another_length_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SourceMetrics.PerSource(Prompts, [0.5], 0.5));
        Assert.Throws<ArgumentException>(() => SourceMetrics.PerSource(Prompts, Scores, [0.5]));
        Assert.Throws<ArgumentException>(() => SourceMetrics.PerSource(Prompts, Scores, 0.5, [1]));
    }
}

using Firewall.Cli.Evaluation;

namespace Firewall.Cli.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    // Attacks at 0.9, 0.7, 0.5, 0.5; benign rows at 0.8, 0.5, 0.3, 0.1: a tie across the classes at 0.5.
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.5, 0.5, 0.5, 0.3, 0.1];
    private static readonly bool[] Labels = [true, false, true, true, true, false, false, false];

    [Fact]
    public void Roc_auc_is_the_mann_whitney_statistic_with_a_tie_counting_one_half()
    {
        // Attack by attack, benign rows beaten: 4, 3, 2 + ½, 2 + ½ = 12 of 16 pairs.
        Assert.Equal(0.75, new RankingMetrics(Scores, Labels).RocAuc(), 12);
    }

    [Fact]
    public void Average_precision_weights_the_precision_at_each_distinct_score_by_the_recall_it_adds()
    {
        // Attack, benign, attack, benign, attack: the precision at each attack is 1/1, 2/3 and 3/5; each adds ⅓ recall.
        var metrics = new RankingMetrics([0.9, 0.8, 0.7, 0.6, 0.5], [true, false, true, false, true]);

        Assert.Equal((1 + (2.0 / 3) + (3.0 / 5)) / 3, metrics.AveragePrecision(), 12);
    }

    [Fact]
    public void A_tie_is_one_step_of_the_precision_recall_curve()
    {
        // Steps 0.9 (recall ¼ at precision 1), 0.7 (¼ at 2/3), 0.5 (two attacks and a benign row: ½ at 4/6).
        Assert.Equal(0.25 + (0.25 * 2 / 3) + (0.5 * 4 / 6), new RankingMetrics(Scores, Labels).AveragePrecision(), 12);
    }

    [Fact]
    public void Scores_that_are_all_equal_rank_at_chance()
    {
        var metrics = new RankingMetrics([0.5, 0.5, 0.5, 0.5], [true, false, false, true]);

        Assert.Equal(0.5, metrics.RocAuc());
        Assert.Equal(0.5, metrics.AveragePrecision());
        Assert.Equal(0, metrics.RecallAtFalsePositiveRate(0.05));
    }

    [Fact]
    public void Separated_classes_score_one_everywhere()
    {
        var metrics = new RankingMetrics([0.2, 0.9, 0.1, 0.8], [false, true, false, true]);

        Assert.Equal((1.0, 1.0, 1.0), (metrics.RocAuc(), metrics.AveragePrecision(), metrics.RecallAtFalsePositiveRate(0.01)));
    }

    [Fact]
    public void The_measures_do_not_depend_on_row_order()
    {
        int[] permutation = [5, 2, 7, 0, 3, 6, 1, 4];
        var shuffled = new RankingMetrics(permutation.Select(i => Scores[i]).ToArray(), permutation.Select(i => Labels[i]).ToArray());
        var original = new RankingMetrics(Scores, Labels);

        Assert.Equal(Figures(original), Figures(shuffled));
    }

    [Fact]
    public void A_weight_counts_like_that_many_copies_of_the_row()
    {
        var weighted = new RankingMetrics([0.9, 0.8, 0.4, 0.2], [true, false, true, false], [2, 1, 1, 3]);
        var copied = new RankingMetrics([0.9, 0.9, 0.8, 0.4, 0.2, 0.2, 0.2], [true, true, false, true, false, false, false]);

        Assert.Equal(11.0 / 12, weighted.RocAuc(), 12);
        Assert.Equal(Figures(copied), Figures(weighted));
        Assert.Equal(copied.At(0.5), weighted.At(0.5));
    }

    [Fact]
    public void Counts_at_a_threshold_flag_scores_at_or_above_it()
    {
        var metrics = new RankingMetrics(Scores, Labels);

        Assert.Equal(new Confusion(4, 2, 0, 2), metrics.At(0.5));
        Assert.Equal(new Confusion(2, 1, 2, 3), metrics.At(0.6));
        Assert.Equal(new Confusion(0, 0, 4, 4), metrics.At(1.0));
        Assert.Equal(new Confusion(4, 4, 0, 0), metrics.At(0.1));
    }

    [Fact]
    public void Rates_at_a_threshold_follow_from_the_counts_and_are_nan_when_undefined()
    {
        var metrics = new RankingMetrics(Scores, Labels);

        var atHalf = metrics.At(0.5);
        Assert.Equal((4.0 / 6, 1.0, 0.5), (atHalf.Precision, atHalf.Recall, atHalf.FalsePositiveRate));
        Assert.True(double.IsNaN(metrics.At(1.0).Precision));
    }

    [Fact]
    public void Recall_at_a_false_positive_rate_is_the_best_threshold_within_it()
    {
        var metrics = new RankingMetrics(Scores, Labels);

        // Flagging 0.8 costs a false-positive rate of ¼, so at 1 % and 5 % only the top attack is caught.
        Assert.Equal(0.25, metrics.RecallAtFalsePositiveRate(0.01));
        Assert.Equal(0.25, metrics.RecallAtFalsePositiveRate(0.05));
        Assert.Equal(0.5, metrics.RecallAtFalsePositiveRate(0.25));
        Assert.Equal(1.0, metrics.RecallAtFalsePositiveRate(0.5));
    }

    [Fact]
    public void An_operating_point_lies_halfway_to_the_next_lower_score_and_flags_what_it_reports()
    {
        var metrics = new RankingMetrics(Scores, Labels);

        var point = metrics.BestWithin(0.25);

        Assert.Equal(new OperatingPoint(0.6, 0.5, 0.25), point with { Threshold = Math.Round(point.Threshold, 12) });
        Assert.Equal((point.Recall, point.FalsePositiveRate), (metrics.At(point.Threshold).Recall, metrics.At(point.Threshold).FalsePositiveRate));
    }

    [Fact]
    public void An_operating_point_that_flags_every_row_is_the_lowest_score()
    {
        Assert.Equal(new OperatingPoint(0.1, 1, 1), new RankingMetrics(Scores, Labels).BestWithin(1));
    }

    [Fact]
    public void When_the_top_score_is_already_too_costly_the_operating_point_flags_nothing()
    {
        var metrics = new RankingMetrics([0.9, 0.5], [false, true]);

        var point = metrics.BestWithin(0.01);

        Assert.Equal((0.0, 0.0), (point.Recall, point.FalsePositiveRate));
        Assert.True(point.Threshold > 0.9);
        Assert.Equal(new Confusion(0, 0, 1, 1), metrics.At(point.Threshold));
    }

    [Fact]
    public void Between_neighbouring_doubles_the_operating_point_still_separates_them()
    {
        var lower = 0.5;
        var higher = Math.BitIncrement(lower);
        var metrics = new RankingMetrics([higher, lower], [true, false]);

        var point = metrics.BestWithin(0.01);

        Assert.Equal(new Confusion(1, 0, 0, 1), metrics.At(point.Threshold));
    }

    [Fact]
    public void With_one_class_the_ranking_measures_are_nan_and_the_counts_still_hold()
    {
        var attacksOnly = new RankingMetrics([0.9, 0.2], [true, true]);
        var benignOnly = new RankingMetrics([0.9, 0.2], [false, false]);

        foreach (var metrics in new[] { attacksOnly, benignOnly })
        {
            Assert.All(Figures(metrics), figure => Assert.True(double.IsNaN(figure)));
            Assert.Throws<InvalidOperationException>(() => metrics.BestWithin(0.01));
        }

        Assert.Equal(0.5, attacksOnly.At(0.5).Recall);
        Assert.Equal(0.5, benignOnly.At(0.5).FalsePositiveRate);
    }

    [Fact]
    public void No_rows_give_nan_and_no_error()
    {
        var metrics = new RankingMetrics([], []);

        Assert.All(Figures(metrics), figure => Assert.True(double.IsNaN(figure)));
        Assert.Equal(new Confusion(0, 0, 0, 0), metrics.At(0.5));
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(double.PositiveInfinity, 1)]
    [InlineData(0.5, -1)]
    [InlineData(0.5, double.NaN)]
    public void A_score_that_is_not_finite_or_a_negative_weight_is_refused(double score, double weight)
    {
        Assert.Throws<ArgumentException>(() => new RankingMetrics([score, 0.1], [true, false], [weight, 1]));
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new RankingMetrics([0.5, 0.1], [true]));
        Assert.Throws<ArgumentException>(() => new RankingMetrics([0.5, 0.1], [true, false], [1]));
    }

    private static double[] Figures(RankingMetrics metrics) =>
        [metrics.RocAuc(), metrics.AveragePrecision(), metrics.RecallAtFalsePositiveRate(0.01), metrics.RecallAtFalsePositiveRate(0.25)];
}

using Firewall.Cli.Evaluation;

namespace Firewall.Cli.Tests.Evaluation;

public sealed class EvaluationReportTests
{
    [Fact]
    public void The_table_has_a_line_per_threshold_then_fixed_columns_with_na_for_undefined_figures()
    {
        SourceMetrics[] lines =
        [
            new("attacks", 2, new Confusion(1, 0, 1, 0), double.NaN, double.NaN, double.NaN, double.NaN),
            new("mixed/longer-name", 3, new Confusion(1, 1, 0, 1), 1, 1, 1, 1),
            new(SourceMetrics.Overall, 5, new Confusion(2, 1, 1, 1), 0.5, 0.72222, 1.0 / 3, 2.0 / 3),
        ];

        var text = EvaluationReport.Format([new ChosenThreshold(0.6, "chosen by hand")], lines);

        Assert.Equal(
            """
            threshold 0.6 (chosen by hand)
            source                 n     TP     FP     FN     TN    prec  recall     FPR ROC-AUC  PR-AUC R@1%FPR R@5%FPR
            attacks                2      1      0      1      0   1.000   0.500     n/a     n/a     n/a     n/a     n/a
            mixed/longer-name      3      1      1      0      1   0.500   1.000   0.500   1.000   1.000   1.000   1.000
            overall                5      2      1      1      1   0.667   0.667   0.500   0.500   0.722   0.333   0.667

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void Per_fold_thresholds_each_get_a_line_and_weighted_counts_keep_their_fraction()
    {
        SourceMetrics[] lines = [new(SourceMetrics.Overall, 2, new Confusion(1.5, 0.25, 0, 1), 1, 1, 1, 1)];

        var text = EvaluationReport.Format([new ChosenThreshold(0.1234567, "fold 1"), new ChosenThreshold(2, "fold 2")], lines);

        Assert.Equal(
            """
            threshold 0.123457 (fold 1)
            threshold 2 (fold 2)
            source       n     TP     FP     FN     TN    prec  recall     FPR ROC-AUC  PR-AUC R@1%FPR R@5%FPR
            overall      2    1.5   0.25      0      1   0.857   1.000   0.200   1.000   1.000   1.000   1.000

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }
}

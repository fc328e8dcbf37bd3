using System.Globalization;
using System.Text;

namespace Firewall.Cli.Evaluation;

/// <summary>
/// The evaluation table as text: a line per threshold naming its value and origin, then one row per source and the
/// overall row. Invariant culture, fixed column order, "n/a" where a figure is undefined (NaN).
/// </summary>
public static class EvaluationReport
{
    private static readonly string[] Headers =
        ["n", "TP", "FP", "FN", "TN", "prec", "recall", "FPR", "ROC-AUC", "PR-AUC", "R@1%FPR", "R@5%FPR"];

    private const int CountWidth = 6;
    private const int RateWidth = 7;

    public static string Format(IReadOnlyList<ChosenThreshold> thresholds, IReadOnlyList<SourceMetrics> lines)
    {
        var text = new StringBuilder();
        foreach (var threshold in thresholds)
        {
            text.Append(CultureInfo.InvariantCulture, $"threshold {threshold.Value:0.######} ({threshold.Origin})\n");
        }

        var sourceWidth = lines.Select(line => line.Source.Length).Append("source".Length).Max();
        text.Append("source".PadRight(sourceWidth));
        for (var column = 0; column < Headers.Length; column++)
        {
            text.Append(' ').Append(Headers[column].PadLeft(column < 5 ? CountWidth : RateWidth));
        }

        text.Append('\n');
        foreach (var line in lines)
        {
            var counts = line.AtThreshold;
            text.Append(line.Source.PadRight(sourceWidth)).Append(' ').Append(line.Rows.ToString(CultureInfo.InvariantCulture).PadLeft(CountWidth));
            foreach (var count in new[] { counts.TruePositives, counts.FalsePositives, counts.FalseNegatives, counts.TrueNegatives })
            {
                text.Append(' ').Append(count.ToString("0.##", CultureInfo.InvariantCulture).PadLeft(CountWidth));
            }

            foreach (var rate in new[]
            {
                counts.Precision, counts.Recall, counts.FalsePositiveRate, line.RocAuc, line.AveragePrecision,
                line.RecallAt1PercentFpr, line.RecallAt5PercentFpr,
            })
            {
                text.Append(' ').Append((double.IsNaN(rate) ? "n/a" : rate.ToString("0.000", CultureInfo.InvariantCulture)).PadLeft(RateWidth));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}

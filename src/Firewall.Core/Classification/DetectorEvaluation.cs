namespace Firewall.Core.Classification;

/// <summary>A text with its true label, for measuring a detector.</summary>
public sealed record LabelledSample(string Text, bool IsInjection, string Source);

/// <summary>A detector's confusion counts over one group of samples; rates are NaN when undefined.</summary>
public sealed record DetectorMetrics(string Source, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Count => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double FalsePositiveRate => Ratio(FalsePositives, FalsePositives + TrueNegatives);

    private static double Ratio(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;
}

/// <summary>Measures a detector against labelled samples: pure, so the CLI and tests share it.</summary>
public static class DetectorEvaluation
{
    public const string Overall = "overall";

    /// <summary>One line per source (ordinal order), then the <see cref="Overall"/> line.</summary>
    public static IReadOnlyList<DetectorMetrics> Evaluate(IEnumerable<LabelledSample> samples, Func<string, bool> isInjection)
    {
        ArgumentNullException.ThrowIfNull(isInjection);
        var outcomes = samples.Select(s => (s.Source, s.IsInjection, Predicted: isInjection(s.Text))).ToList();
        var lines = outcomes.GroupBy(o => o.Source, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, g))
            .ToList();
        lines.Add(Count(Overall, outcomes));
        return lines;
    }

    private static DetectorMetrics Count(string source, IEnumerable<(string Source, bool IsInjection, bool Predicted)> outcomes)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (_, actual, predicted) in outcomes)
        {
            _ = (actual, predicted) switch
            {
                (true, true) => tp++,
                (false, true) => fp++,
                (true, false) => fn++,
                (false, false) => tn++,
            };
        }

        return new DetectorMetrics(source, tp, fp, fn, tn);
    }
}

namespace Firewall.Cli.Evaluation;

/// <summary>
/// Threshold-free and threshold measures of a scorer over labelled rows (label true = attack), from one sort: the
/// distinct scores, descending, with the attack and benign weight at or above each. Ties are one step, so every
/// measure is independent of row order. The ranking measures (ROC-AUC, average precision, recall at a false-positive
/// rate) are NaN unless both classes have weight: with one class there is nothing to rank.
/// </summary>
public sealed class RankingMetrics
{
    private readonly double[] _scores;
    private readonly double[] _positivesAtOrAbove;
    private readonly double[] _negativesAtOrAbove;

    /// <param name="weights">One non-negative weight per row, or empty for weight 1 each.</param>
    public RankingMetrics(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, ReadOnlySpan<double> weights = default)
    {
        if (labels.Length != scores.Length || (!weights.IsEmpty && weights.Length != scores.Length))
        {
            throw new ArgumentException("Scores, labels and weights need one entry per row.", nameof(labels));
        }

        Rows = scores.Length;
        var order = new (double NegatedScore, int Row)[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"Row {i} has the score {scores[i]}: scores must be finite.", nameof(scores));
            }

            if (!weights.IsEmpty && !(double.IsFinite(weights[i]) && weights[i] >= 0))
            {
                throw new ArgumentException($"Row {i} has the weight {weights[i]}: weights must be finite and not negative.", nameof(weights));
            }

            order[i] = (-scores[i], i);
        }

        // Score descending, then row ascending: a total order, so sums within a tie add up in the same order every run.
        Array.Sort(order);
        var distinct = new List<double>();
        var positives = new List<double>();
        var negatives = new List<double>();
        double positive = 0, negative = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var row = order[i].Row;
            var weight = weights.IsEmpty ? 1 : weights[row];
            if (labels[row])
            {
                positive += weight;
            }
            else
            {
                negative += weight;
            }

            if (i + 1 == order.Length || order[i + 1].NegatedScore != order[i].NegatedScore)
            {
                distinct.Add(scores[row]);
                positives.Add(positive);
                negatives.Add(negative);
            }
        }

        _scores = [.. distinct];
        _positivesAtOrAbove = [.. positives];
        _negativesAtOrAbove = [.. negatives];
        Positives = positive;
        Negatives = negative;
    }

    public int Rows { get; }

    /// <summary>Total weight of attack rows.</summary>
    public double Positives { get; }

    /// <summary>Total weight of benign rows.</summary>
    public double Negatives { get; }

    /// <summary>Both classes have weight, so the ranking measures and operating points are defined.</summary>
    public bool HasBothClasses => Positives > 0 && Negatives > 0;

    /// <summary>The counts when rows scoring at or above <paramref name="threshold"/> are flagged.</summary>
    public Confusion At(double threshold)
    {
        var step = LastStepAtOrAbove(threshold);
        var tp = step < 0 ? 0 : _positivesAtOrAbove[step];
        var fp = step < 0 ? 0 : _negativesAtOrAbove[step];
        return new Confusion(tp, fp, Positives - tp, Negatives - fp);
    }

    /// <summary>
    /// ROC-AUC as the Mann-Whitney statistic: the chance that an attack outscores a benign row, a tie counting one half.
    /// </summary>
    public double RocAuc()
    {
        if (!HasBothClasses)
        {
            return double.NaN;
        }

        double sum = 0, positivesAbove = 0, negativesAbove = 0;
        for (var step = 0; step < _scores.Length; step++)
        {
            var positivesHere = _positivesAtOrAbove[step] - positivesAbove;
            var negativesHere = _negativesAtOrAbove[step] - negativesAbove;
            sum += negativesHere * (positivesAbove + (positivesHere / 2));
            positivesAbove = _positivesAtOrAbove[step];
            negativesAbove = _negativesAtOrAbove[step];
        }

        return sum / (Positives * Negatives);
    }

    /// <summary>
    /// PR-AUC as average precision: the precision at each distinct score, weighted by the recall it adds
    /// (Σ ΔRecall · Precision, no interpolation, a tie one step).
    /// </summary>
    public double AveragePrecision()
    {
        if (!HasBothClasses)
        {
            return double.NaN;
        }

        double sum = 0, positivesAbove = 0;
        for (var step = 0; step < _scores.Length; step++)
        {
            var truePositives = _positivesAtOrAbove[step];
            if (truePositives > positivesAbove)
            {
                sum += (truePositives - positivesAbove) * truePositives / (truePositives + _negativesAtOrAbove[step]);
            }

            positivesAbove = truePositives;
        }

        return sum / Positives;
    }

    /// <summary>The highest recall among thresholds whose false-positive rate is at most <paramref name="maxFalsePositiveRate"/>.</summary>
    public double RecallAtFalsePositiveRate(double maxFalsePositiveRate) =>
        HasBothClasses ? BestWithin(maxFalsePositiveRate).Recall : double.NaN;

    /// <summary>
    /// The threshold with the highest recall whose false-positive rate is at most <paramref name="maxFalsePositiveRate"/>.
    /// It lies halfway between the lowest score it flags and the next lower score, so it sits on no row; when it flags
    /// every row it is the lowest score, and when no score qualifies it is just above the highest (recall 0).
    /// </summary>
    public OperatingPoint BestWithin(double maxFalsePositiveRate)
    {
        if (!HasBothClasses)
        {
            throw new InvalidOperationException(
                $"An operating point needs attack and benign rows (attack weight {Positives}, benign weight {Negatives}).");
        }

        // Recall and false-positive rate both grow as the threshold falls, so the qualifying steps are a prefix.
        var last = -1;
        while (last + 1 < _scores.Length && _negativesAtOrAbove[last + 1] / Negatives <= maxFalsePositiveRate)
        {
            last++;
        }

        if (last < 0)
        {
            return new OperatingPoint(Math.BitIncrement(_scores[0]), 0, 0);
        }

        var threshold = last + 1 == _scores.Length ? _scores[last] : Between(_scores[last], _scores[last + 1]);
        return new OperatingPoint(threshold, _positivesAtOrAbove[last] / Positives, _negativesAtOrAbove[last] / Negatives);
    }

    // Halfway, unless the two are neighbouring doubles and the halfway point rounds onto the lower one.
    private static double Between(double higher, double lower)
    {
        var middle = lower + ((higher - lower) / 2);
        return middle > lower ? middle : higher;
    }

    // Index of the lowest distinct score that is ≥ threshold (scores are descending), or -1 when none is.
    private int LastStepAtOrAbove(double threshold)
    {
        int low = 0, high = _scores.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_scores[middle] >= threshold)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}

namespace Firewall.Cli.Evaluation;

/// <summary>
/// Confusion counts at one threshold (a row is flagged when its score is at or above it). Counts are summed row
/// weights, so they are whole numbers when every weight is 1; a rate is NaN when its denominator is zero.
/// </summary>
public readonly record struct Confusion(double TruePositives, double FalsePositives, double FalseNegatives, double TrueNegatives)
{
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double FalsePositiveRate => Ratio(FalsePositives, FalsePositives + TrueNegatives);

    private static double Ratio(double part, double whole) => whole == 0 ? double.NaN : part / whole;
}

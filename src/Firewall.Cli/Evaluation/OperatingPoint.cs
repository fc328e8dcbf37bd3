namespace Firewall.Cli.Evaluation;

/// <summary>A threshold (flag when score ≥ it) with the recall and false-positive rate it gives on the rows it was read from.</summary>
public readonly record struct OperatingPoint(double Threshold, double Recall, double FalsePositiveRate);

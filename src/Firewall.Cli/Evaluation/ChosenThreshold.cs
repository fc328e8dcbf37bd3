namespace Firewall.Cli.Evaluation;

/// <summary>An operating threshold (flag when score ≥ it) and, for reports, how and from which scores it was chosen.</summary>
public sealed record ChosenThreshold(double Value, string Origin);

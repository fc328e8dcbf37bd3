namespace Firewall.Cli.Training;

/// <summary>Settings of <see cref="FtrlLogisticRegression"/>; the defaults were chosen by grouped cross-validation (docs/detector.md).</summary>
/// <param name="Alpha">Per-coordinate learning-rate scale.</param>
/// <param name="Beta">Learning-rate smoothing for coordinates seen rarely.</param>
/// <param name="L1">L1 strength: drives rare, weak features to exactly zero.</param>
/// <param name="L2">L2 strength: keeps any one n-gram from deciding alone.</param>
/// <param name="Epochs">Passes over the data, each in a fresh seeded order.</param>
/// <param name="Seed">Seed of the order.</param>
public sealed record FtrlSettings(double Alpha = 0.1, double Beta = 1, double L1 = 0, double L2 = 1, int Epochs = 8, ulong Seed = 11)
{
    public override string ToString() =>
        FormattableString.Invariant($"FTRL-Proximal logistic regression, alpha {Alpha}, beta {Beta}, L1 {L1}, L2 {L2}, {Epochs} epochs, seed {Seed}");
}

using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Training;

/// <summary>Everything that decides a model besides its data; the defaults are the shipped model's, chosen by measurement (docs/detector.md).</summary>
/// <param name="SourcePower">A row of a source with n rows weighs n^-SourcePower before class balancing: 0 weighs rows alike, 1 weighs sources alike.</param>
internal sealed record TrainingOptions(FeatureConfiguration Features, FtrlSettings Ftrl, double SourcePower)
{
    public static TrainingOptions Default { get; } = new(
        new FeatureConfiguration(FeatureConfiguration.CurrentView, HashBits: 18, CharNGramMin: 3, CharNGramMax: 5, WordNGramMax: 2),
        new FtrlSettings(),
        SourcePower: 0.5);
}

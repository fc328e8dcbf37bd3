using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Training;

/// <summary>Everything that decides a model besides its data; the defaults are the shipped model's, chosen by measurement (docs/detector.md).</summary>
/// <param name="SourcePower">A row of a source with n rows weighs n^-SourcePower before class balancing: 0 weighs rows alike, 1 weighs sources alike.</param>
/// <param name="ExcludedSources">Rows whose source starts with one of these are not trained on.</param>
public sealed record TrainingOptions(FeatureConfiguration Features, FtrlSettings Ftrl, double SourcePower, IReadOnlyList<string> ExcludedSources)
{
    /// <summary>Whether a row of <paramref name="source"/> is trained on.</summary>
    public bool Includes(string source) => !ExcludedSources.Any(e => source.StartsWith(e, StringComparison.Ordinal));

    public static TrainingOptions Default { get; } = new(
        // Concepts over 5 words, each counted twice: leave-one-source-out recall 0.128 -> 0.165 at unchanged CV and dev
        // figures (docs/detector.md, "Concept features").
        new FeatureConfiguration(FeatureConfiguration.CurrentView, HashBits: 16, CharNGramMin: 3, CharNGramMax: 4, WordNGramMax: 2, WindowChars: 1024, ConceptWindow: 5, ConceptWeight: 2),
        new FtrlSettings(),
        SourcePower: 0.5,
        // PAIR's persuasive role-play attacks read, to n-grams, like benign role-play requests: with them the model flags
        // those (dev ROC-AUC 0.888 without, 0.830 with; docs/detector.md).
        ExcludedSources: ["jailbreakbench/PAIR"]);
}

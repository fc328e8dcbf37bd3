using System.CommandLine;
using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Training;

/// <summary>Command-line overrides of <see cref="TrainingOptions.Default"/>, for measuring alternatives; the shipped model uses none.</summary>
internal static class TrainingOptionsArguments
{
    private static readonly Option<int?> HashBits = new("--hash-bits") { Description = "log2 of the bucket count" };
    private static readonly Option<string?> CharNGrams = new("--char-ngrams") { Description = "character n-gram lengths, as min-max (e.g. 3-5)" };
    private static readonly Option<int?> WordNGrams = new("--word-ngrams") { Description = "longest word n-gram (1 or 2)" };
    private static readonly Option<int?> Window = new("--window") { Description = "window length in characters for long texts (0: whole text only)" };
    private static readonly Option<int?> Concepts = new("--concepts") { Description = "concept-pair window in words (0: no concept features)" };
    private static readonly Option<int?> ConceptWeight = new("--concept-weight") { Description = "how many times each concept feature counts (1-8)" };
    private static readonly Option<double?> L2 = new("--l2") { Description = "L2 strength" };
    private static readonly Option<double?> L1 = new("--l1") { Description = "L1 strength" };
    private static readonly Option<double?> Alpha = new("--alpha") { Description = "FTRL learning-rate scale" };
    private static readonly Option<int?> Epochs = new("--epochs") { Description = "passes over the data" };
    private static readonly Option<double?> SourcePower = new("--source-power") { Description = "a row of a source of n rows weighs n^-p" };

    private static readonly Option<string[]> Without = new("--without")
    {
        Description = "Also leave out rows whose source starts with this (ablation); repeatable",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<bool> WithAll = new("--with-all-sources") { Description = "Train on every source, even those left out by default" };

    public static IReadOnlyList<Option> All { get; } = [HashBits, Window, CharNGrams, WordNGrams, Concepts, ConceptWeight, L2, L1, Alpha, Epochs, SourcePower, Without, WithAll];

    public static TrainingOptions Read(ParseResult parse)
    {
        var d = TrainingOptions.Default;
        var chars = parse.GetValue(CharNGrams)?.Split('-') is [var min, var max] ? (int.Parse(min, System.Globalization.CultureInfo.InvariantCulture), int.Parse(max, System.Globalization.CultureInfo.InvariantCulture)) : (d.Features.CharNGramMin, d.Features.CharNGramMax);
        var features = d.Features with
        {
            HashBits = parse.GetValue(HashBits) ?? d.Features.HashBits,
            CharNGramMin = chars.Item1,
            CharNGramMax = chars.Item2,
            WordNGramMax = parse.GetValue(WordNGrams) ?? d.Features.WordNGramMax,
            WindowChars = parse.GetValue(Window) ?? d.Features.WindowChars,
            ConceptWindow = parse.GetValue(Concepts) ?? d.Features.ConceptWindow,
        };
        // Without concepts their weight is 0; with them, the given weight or the default's (1 when the default has none).
        features = features with
        {
            ConceptWeight = features.ConceptWindow == 0 ? 0 : parse.GetValue(ConceptWeight) ?? Math.Max(1, d.Features.ConceptWeight),
        };
        if (features.Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var ftrl = d.Ftrl with
        {
            L2 = parse.GetValue(L2) ?? d.Ftrl.L2,
            L1 = parse.GetValue(L1) ?? d.Ftrl.L1,
            Alpha = parse.GetValue(Alpha) ?? d.Ftrl.Alpha,
            Epochs = parse.GetValue(Epochs) ?? d.Ftrl.Epochs,
        };
        IReadOnlyList<string> excluded = [.. (parse.GetValue(WithAll) ? [] : d.ExcludedSources), .. parse.GetValue(Without) ?? []];
        return new TrainingOptions(features, ftrl, parse.GetValue(SourcePower) ?? d.SourcePower, excluded);
    }
}

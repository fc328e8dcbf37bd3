using System.Text.Json.Serialization;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// How a text becomes hashed features: recorded in the model file, so a model is only ever scored with the features it
/// was trained on.
/// </summary>
/// <param name="View">Names the text view the features are computed over; a model trained over another view is refused.</param>
/// <param name="HashBits">The weight table has 2^HashBits buckets.</param>
/// <param name="CharNGramMin">Shortest character n-gram.</param>
/// <param name="CharNGramMax">Longest character n-gram.</param>
/// <param name="WordNGramMax">Word n-grams from 1 to this (1 or 2).</param>
/// <param name="WindowChars">
/// A view longer than this is also scored in windows of this many characters, overlapping by half, and the text scores
/// its highest window or whole-text score: one injected paragraph in a long document is not diluted by the rest.
/// 0 scores the whole text only.
/// </param>
/// <param name="ConceptWindow">
/// Concept features (<see cref="ConceptFeatures"/>): a classed word pairs with the classed words among the previous this
/// many words. 0 computes none, and is left out of the model file's header, which then reads as before concepts existed.
/// </param>
/// <param name="ConceptWeight">
/// Each concept feature counts this many times (1 to 8 with concepts, 0 without): a larger value lets the regularised
/// model lean on the few general concept features rather than on the many n-grams that fit the training texts.
/// </param>
public sealed record FeatureConfiguration(
    string View,
    int HashBits,
    int CharNGramMin,
    int CharNGramMax,
    int WordNGramMax,
    int WindowChars,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ConceptWindow = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int ConceptWeight = 0)
{
    /// <summary>The view this build of the code computes; see <see cref="PromptFeatures"/>.</summary>
    public const string CurrentView = "normalised-decoded-v1";

    public int BucketCount => 1 << HashBits;

    /// <summary>Why this configuration cannot be used by this code, or null when it can.</summary>
    public string? Problem() => this switch
    {
        { View: not CurrentView } => $"the model's features are over the view '{View}', this code computes '{CurrentView}'",
        { HashBits: < 10 or > 22 } => $"hashBits {HashBits} is outside [10, 22]",
        { CharNGramMin: < 1 } or { CharNGramMax: > 8 } => $"character n-grams {CharNGramMin}..{CharNGramMax} are outside [1, 8]",
        _ when CharNGramMin > CharNGramMax => $"character n-grams {CharNGramMin}..{CharNGramMax} are an empty range",
        { WordNGramMax: not (1 or 2) } => $"wordNGramMax {WordNGramMax} is not 1 or 2",
        { WindowChars: not 0 and (< 64 or > 65536) } => $"windowChars {WindowChars} is neither 0 nor in [64, 65536]",
        { ConceptWindow: < 0 or > ConceptFeatures.MaxWindow } => $"conceptWindow {ConceptWindow} is outside [0, {ConceptFeatures.MaxWindow}]",
        { ConceptWindow: 0, ConceptWeight: not 0 } => $"conceptWeight {ConceptWeight} is not 0 without concept features",
        { ConceptWindow: > 0, ConceptWeight: < 1 or > 8 } => $"conceptWeight {ConceptWeight} is outside [1, 8]",
        _ => null,
    };
}

using Firewall.Core.Classification.Text;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// The model's features of a text: hashed word unigrams and bigrams, concept classes and pairs
/// (<see cref="ConceptFeatures"/>, when <see cref="FeatureConfiguration.ConceptWindow"/> is not 0) and character n-grams of its normalised view
/// (<see cref="TextNormaliser"/>) and of its decoded views (<see cref="DecodedViews"/>), together named
/// <see cref="FeatureConfiguration.CurrentView"/>. One extraction serves scoring, explaining and training.
/// </summary>
public static class PromptFeatures
{
    private const uint UnigramSeed = 0x5bd1e995;
    private const uint BigramSeed = 0x27d4eb2f;
    private const uint CharacterSeed = 0x9e3779b1;

    /// <summary>The value of each feature occurrence in a text with <paramref name="occurrences"/> of them: the vector's L2 norm is about 1.</summary>
    public static double Scale(int occurrences) => occurrences == 0 ? 0 : 1 / Math.Sqrt(occurrences);

    /// <summary>
    /// Feeds <paramref name="sink"/> the features of the normalised view and then of each decoded view
    /// (<see cref="DecodedViews"/>), whose positions follow the view's as if the texts were written one after another.
    /// </summary>
    public static void Extract<TSink>(ReadOnlySpan<char> text, FeatureConfiguration features, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        using var views = PromptViews.Of(text);
        Extract(views, features, ref sink);
    }

    /// <summary>As <see cref="Extract{TSink}(ReadOnlySpan{char}, FeatureConfiguration, ref TSink)"/>, over views the caller keeps.</summary>
    internal static void Extract<TSink>(in PromptViews views, FeatureConfiguration features, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        sink.Begin(views.Length);
        var offset = Extract(views.Normalised, 0, features, ref sink);
        foreach (var d in views.Decoded)
        {
            offset = Extract(d.Text, offset + 1, features, ref sink);
        }
    }

    private static int Extract<TSink>(ReadOnlySpan<char> view, int offset, FeatureConfiguration features, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var mask = features.BucketCount - 1;
        Words(view, offset, features, mask, ref sink);
        Characters(view, offset, features.CharNGramMin, features.CharNGramMax, mask, ref sink);
        return offset + view.Length;
    }

    // A word is a run of letters and digits; a bigram's text spans both words and what separates them.
    private static void Words<TSink>(ReadOnlySpan<char> view, int offset, FeatureConfiguration features, int mask, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var maxN = features.WordNGramMax;
        var conceptWindow = features.ConceptWindow;
        var concepts = new ConceptFeatures(ConceptLexicon.Embedded, conceptWindow, features.ConceptWeight);
        var previous = 0u;
        var previousStart = -1;
        var i = 0;
        while (i < view.Length)
        {
            if (!char.IsLetterOrDigit(view[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hash = FeatureHash.Offset;
            for (; i < view.Length && char.IsLetterOrDigit(view[i]); i++)
            {
                hash = FeatureHash.Step(hash, view[i]);
            }

            sink.AddWords((int)(FeatureHash.Mix(hash ^ UnigramSeed) & (uint)mask), offset + start, view[start..i]);
            if (maxN >= 2 && previousStart >= 0)
            {
                sink.AddWords((int)(FeatureHash.Mix((FeatureHash.Mix(previous) * 31) ^ hash ^ BigramSeed) & (uint)mask), offset + previousStart, view[previousStart..i]);
            }

            if (conceptWindow > 0)
            {
                concepts.Add(hash, view, start, i, offset, mask, ref sink);
            }

            previous = hash;
            previousStart = start;
        }
    }

    private static void Characters<TSink>(ReadOnlySpan<char> view, int offset, int minN, int maxN, int mask, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        for (var start = 0; start + minN <= view.Length; start++)
        {
            var hash = FeatureHash.Offset;
            var end = Math.Min(view.Length, start + maxN);
            for (var i = start; i < end; i++)
            {
                hash = FeatureHash.Step(hash, view[i]);
                var n = i - start + 1;
                if (n >= minN)
                {
                    sink.AddCharacters((int)(FeatureHash.Mix(hash + ((uint)n * CharacterSeed)) & (uint)mask), offset + start);
                }
            }
        }
    }
}

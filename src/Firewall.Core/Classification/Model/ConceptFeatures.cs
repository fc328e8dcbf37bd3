using System.Runtime.CompilerServices;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// The concept features of one view, fed word by word: for a word with a class (<see cref="ConceptLexicon"/>), the class
/// itself and, for each class among the previous <c>window</c> words, the ordered pair of the two classes, whose text
/// spans both words ("ignore … earlier guidance"); each is fed <c>weight</c> times. A paraphrase or a translation of an
/// attack shares these with the attacks the model was trained on even when it shares no word n-gram with them.
/// </summary>
internal struct ConceptFeatures(ConceptLexicon lexicon, int window, int weight)
{
    /// <summary>The longest window in words; the recent classed words fit a fixed buffer.</summary>
    public const int MaxWindow = 8;

    private const uint ClassSeed = 0x3c6ef372;
    private const uint PairSeed = 0xa54ff53a;

    private RecentClasses _recent;
    private int _classed;
    private int _words;

    /// <summary>Takes the next word of the view, <c>view[start..end]</c>, whose <see cref="FeatureHash.Of"/> is <paramref name="hash"/>.</summary>
    public void Add<TSink>(uint hash, ReadOnlySpan<char> view, int start, int end, int offset, int mask, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var word = _words++;
        if (!lexicon.TryGetClass(hash, out var current))
        {
            return;
        }

        Add((int)(FeatureHash.Mix(current ^ ClassSeed) & (uint)mask), offset + start, view[start..end], ref sink);
        for (var back = 1; back <= Math.Min(_classed, MaxWindow); back++)
        {
            var earlier = _recent[(_classed - back) % MaxWindow];
            if (word - earlier.Word > window)
            {
                break;
            }

            var pair = ((uint)earlier.Class << 8) | current;
            Add((int)(FeatureHash.Mix(pair ^ PairSeed) & (uint)mask), offset + earlier.Start, view[earlier.Start..end], ref sink);
        }

        _recent[_classed % MaxWindow] = new ClassedWord(current, start, word);
        _classed++;
    }

    private readonly void Add<TSink>(int bucket, int position, ReadOnlySpan<char> words, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        for (var i = 0; i < weight; i++)
        {
            sink.AddWords(bucket, position, words);
        }
    }

    private readonly record struct ClassedWord(byte Class, int Start, int Word);

    [InlineArray(MaxWindow)]
    private struct RecentClasses
    {
        private ClassedWord _first;
    }
}

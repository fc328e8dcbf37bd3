using Firewall.Core.Classification.Model;

namespace Firewall.Core.Tests.Classification.Model;

/// <summary>Records what feature extraction emits, in order.</summary>
internal readonly struct RecordingSink() : IFeatureSink
{
    public List<int> CharacterBuckets { get; } = [];

    public List<(int Bucket, string Words)> Words { get; } = [];

    public void Begin(int viewLength)
    {
    }

    public void AddCharacters(int bucket, int position) => CharacterBuckets.Add(bucket);

    public void AddWords(int bucket, int position, ReadOnlySpan<char> words) => Words.Add((bucket, words.ToString()));

    public static RecordingSink Of(string text, FeatureConfiguration features)
    {
        var sink = new RecordingSink();
        PromptFeatures.Extract(text, features, ref sink);
        return sink;
    }
}

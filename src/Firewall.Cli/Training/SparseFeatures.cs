using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Training;

/// <summary>A text's features as the trainer sees them: distinct buckets, ascending, each with its summed scaled value.</summary>
internal sealed record SparseFeatures(int[] Buckets, float[] Values)
{
    /// <summary>The same features and scaling <see cref="PromptModel.Probability"/> scores for the whole text, merged per bucket: the model is fitted on whole texts.</summary>
    public static SparseFeatures Of(string text, FeatureConfiguration features)
    {
        var sink = new CollectingSink([]);
        PromptFeatures.Extract(text, features, ref sink);
        var all = sink.Buckets;
        all.Sort();
        var scale = (float)PromptFeatures.Scale(all.Count);
        var buckets = new List<int>(all.Count);
        var values = new List<float>(all.Count);
        foreach (var bucket in all)
        {
            if (buckets.Count > 0 && buckets[^1] == bucket)
            {
                values[^1] += scale;
            }
            else
            {
                buckets.Add(bucket);
                values.Add(scale);
            }
        }

        return new SparseFeatures([.. buckets], [.. values]);
    }

    private readonly struct CollectingSink(List<int> buckets) : IFeatureSink
    {
        public List<int> Buckets => buckets;

        public void Begin(int viewLength)
        {
        }

        public void AddCharacters(int bucket, int position) => buckets.Add(bucket);

        public void AddWords(int bucket, int position, ReadOnlySpan<char> words) => buckets.Add(bucket);
    }
}

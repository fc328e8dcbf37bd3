using Firewall.Core.Classification.Model;

namespace Firewall.Core.Tests.Classification.Model;

/// <summary>Small hand-made models: weights set on purpose, so a test knows what the score must be.</summary>
internal static class TestModels
{
    public static PromptModelHeader Header(FeatureConfiguration features, double threshold = 0.5) => new(
        "test-1",
        features,
        "hand-made",
        new TrainingDataSummary(new string('0', 64), 2, 1),
        threshold,
        "chosen by the test",
        new CrossValidatedFigures(5, 0.9, 0.8, 0.5, 0.7, 0.6, 0.01));

    /// <summary>A model whose word features of <paramref name="attackWords"/> weigh <paramref name="weight"/> each, all else 0.</summary>
    public static PromptModel Weighting(string attackWords, float weight, float bias = -1, FeatureConfiguration? features = null)
    {
        features ??= PromptFeaturesTests.Small;
        var weights = new float[features.BucketCount];
        foreach (var (bucket, _) in RecordingSink.Of(attackWords, features).Words)
        {
            weights[bucket] = weight;
        }

        return new PromptModel(Header(features), bias, weights);
    }

    public static byte[] Bytes(PromptModel model)
    {
        using var stream = new MemoryStream();
        PromptModelFile.Write(model, stream);
        return stream.ToArray();
    }
}

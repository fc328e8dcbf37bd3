namespace Firewall.Core.Classification.Model;

/// <summary>
/// The learned prompt-attack detector: logistic regression over <see cref="PromptFeatures"/>. The log-odds are the bias
/// plus the summed weights of a text's feature occurrences divided by the square root of their number, so long and short
/// texts score on one scale. Immutable and thread-safe; scoring allocates nothing.
/// </summary>
public sealed class PromptModel
{
    public const string EmbeddedResourceName = "Firewall.Core.Classification.Model.prompt-model.bin";

    private readonly float[] _weights;

    public PromptModel(PromptModelHeader header, float bias, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(weights);
        if (header.Features.Problem() is { } problem)
        {
            throw new PromptModelException($"The model cannot be used: {problem}.");
        }

        if (weights.Length != header.Features.BucketCount)
        {
            throw new PromptModelException($"The model has {weights.Length} weights; its features need {header.Features.BucketCount}.");
        }

        Header = header;
        Bias = bias;
        _weights = weights;
    }

    public PromptModelHeader Header { get; }

    public float Bias { get; }

    public ReadOnlySpan<float> Weights => _weights;

    public string Version => Header.Version;

    public double Threshold => Header.Threshold;

    /// <summary>The model shipped in this assembly; throws <see cref="PromptModelException"/> if it is missing or unusable.</summary>
    public static PromptModel LoadEmbedded()
    {
        using var stream = typeof(PromptModel).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new PromptModelException($"The embedded model '{EmbeddedResourceName}' is missing from the assembly.");
        return PromptModelFile.Read(stream);
    }

    /// <summary>The probability that <paramref name="text"/> is a prompt attack.</summary>
    public double Probability(ReadOnlySpan<char> text)
    {
        var sink = new ScoringSink(_weights);
        PromptFeatures.Extract(text, Header.Features, ref sink);
        return Sigmoid(Bias + (sink.Sum * PromptFeatures.Scale(sink.Count)));
    }

    /// <summary>The probability and the <paramref name="count"/> word n-grams that raise it most (none that lower it).</summary>
    public ModelExplanation Explain(string text, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ExplainingSink(_weights);
        PromptFeatures.Extract(text, Header.Features, ref sink);
        var scale = PromptFeatures.Scale(sink.Scoring.Count);
        var strongest = sink.Words
            .Where(w => w.Value > 0)
            .OrderByDescending(w => w.Value)
            .ThenBy(w => w.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(w => new NGramContribution(w.Key, w.Value * scale))
            .ToList();
        return new ModelExplanation(Sigmoid(Bias + (sink.Scoring.Sum * scale)), strongest);
    }

    private static double Sigmoid(double logOdds) => 1 / (1 + Math.Exp(-logOdds));

    private struct ScoringSink(float[] weights) : IFeatureSink
    {
        public double Sum;
        public int Count;

        public void AddCharacters(int bucket)
        {
            Sum += weights[bucket];
            Count++;
        }

        public void AddWords(int bucket, ReadOnlySpan<char> words) => AddCharacters(bucket);
    }

    private struct ExplainingSink(float[] weights) : IFeatureSink
    {
        public ScoringSink Scoring = new(weights);
        public readonly Dictionary<string, double> Words = new(StringComparer.Ordinal);

        public void AddCharacters(int bucket) => Scoring.AddCharacters(bucket);

        public void AddWords(int bucket, ReadOnlySpan<char> words)
        {
            Scoring.AddCharacters(bucket);
            var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
            lookup[words] = (lookup.TryGetValue(words, out var sum) ? sum : 0) + weights[bucket];
        }
    }
}

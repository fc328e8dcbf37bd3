using System.Buffers;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// The learned prompt-attack detector: logistic regression over <see cref="PromptFeatures"/>. The log-odds are the bias
/// plus the summed weights of a text's feature occurrences divided by the square root of their number, so long and short
/// texts score on one scale; a long text scores its highest window (<see cref="FeatureConfiguration.WindowChars"/>).
/// Immutable and thread-safe; scoring allocates nothing (window sums use pooled arrays).
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

    /// <summary>The probability that <paramref name="text"/> is a prompt attack; 0 for a text of fewer than
    /// <see cref="DistinctWords.Required"/> distinct words (floods of one token, runs of punctuation: no language to judge,
    /// and the flooding detector's domain).</summary>
    public double Probability(ReadOnlySpan<char> text)
    {
        if (!DistinctWords.AtLeastRequired(text))
        {
            return 0;
        }

        var sink = new ScoringSink(_weights, Header.Features.WindowChars);
        try
        {
            PromptFeatures.Extract(text, Header.Features, ref sink);
            return Sigmoid(sink.LogOdds(Bias));
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>
    /// The probability and the <paramref name="count"/> word n-gram texts whose summed weights raise it most (none that
    /// lower it), highest first and, at equal weight, in ordinal order. One extraction; only those few become strings.
    /// </summary>
    public ModelExplanation Explain(string text, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ExplainingSink(_weights, Header.Features.WindowChars);
        try
        {
            PromptFeatures.Extract(text, Header.Features, ref sink);
            var strongest = sink.Words.Strongest(count, PromptFeatures.Scale(sink.Scoring.Count));
            return new ModelExplanation(Sigmoid(sink.Scoring.LogOdds(Bias)), strongest);
        }
        finally
        {
            sink.Scoring.Dispose();
            sink.Words.Dispose();
        }
    }

    private static double Sigmoid(double logOdds) => 1 / (1 + Math.Exp(-logOdds));

    // Sums the weights of the whole text and, for a view longer than a window, of each half-window span (pooled arrays),
    // so that every window of two neighbouring spans can be scored without a second pass.
    private struct ScoringSink(float[] weights, int window) : IFeatureSink, IDisposable
    {
        public double Sum;
        public int Count;
        private double[]? _spanSums;
        private int[]? _spanCounts;
        private int _spans;

        public void Begin(int viewLength)
        {
            if (window > 0 && viewLength > window)
            {
                _spans = ((viewLength - 1) / (window / 2)) + 1;
                _spanSums = ArrayPool<double>.Shared.Rent(_spans);
                _spanCounts = ArrayPool<int>.Shared.Rent(_spans);
                Array.Clear(_spanSums, 0, _spans);
                Array.Clear(_spanCounts, 0, _spans);
            }
        }

        public void AddCharacters(int bucket, int position)
        {
            var weight = weights[bucket];
            Sum += weight;
            Count++;
            if (_spanSums is not null)
            {
                var span = position / (window / 2);
                _spanSums[span] += weight;
                _spanCounts![span]++;
            }
        }

        public void AddWords(int bucket, int position, ReadOnlySpan<char> words) => AddCharacters(bucket, position);

        public readonly double LogOdds(float bias)
        {
            var best = bias + (Sum * PromptFeatures.Scale(Count));
            for (var i = 0; i + 1 < _spans; i++)
            {
                var count = _spanCounts![i] + _spanCounts[i + 1];
                best = Math.Max(best, bias + ((_spanSums![i] + _spanSums[i + 1]) * PromptFeatures.Scale(count)));
            }

            return best;
        }

        public void Dispose()
        {
            if (_spanSums is not null)
            {
                ArrayPool<double>.Shared.Return(_spanSums);
                ArrayPool<int>.Shared.Return(_spanCounts!);
                _spanSums = null;
                _spanCounts = null;
            }
        }
    }

    private struct ExplainingSink(float[] weights, int window) : IFeatureSink
    {
        public ScoringSink Scoring = new(weights, window);
        public WordNGramTotals Words;

        public void Begin(int viewLength) => Scoring.Begin(viewLength);

        public void AddCharacters(int bucket, int position) => Scoring.AddCharacters(bucket, position);

        public void AddWords(int bucket, int position, ReadOnlySpan<char> words)
        {
            Scoring.AddCharacters(bucket, position);
            Words.Add(words, weights[bucket]);
        }
    }
}

using System.Buffers;
using System.Runtime.CompilerServices;

namespace Firewall.Core.Classification.Model;

/// <summary>
/// The learned prompt-attack detector: logistic regression over <see cref="PromptFeatures"/>. The log-odds are the bias
/// plus the summed weights of a text's feature occurrences divided by the square root of their number, so long and short
/// texts score on one scale; a long text scores its highest window (<see cref="FeatureConfiguration.WindowChars"/>).
/// Immutable and thread-safe; <see cref="Probability"/> allocates nothing (window sums use pooled arrays), <see cref="Judge"/>
/// nothing unless it explains.
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
    /// lower it), highest first and, at equal weight, in ordinal order; only those few become strings.
    /// </summary>
    public ModelExplanation Explain(string text, int count = 3)
    {
        var (probability, strongest) = Score(text, double.NegativeInfinity, count);
        return new ModelExplanation(probability, strongest);
    }

    /// <summary>
    /// In one extraction, <see cref="Probability"/> and, when it reaches <paramref name="explainFrom"/>, the strongest
    /// word n-grams as <see cref="Explain"/> names them (otherwise none): a text that is not flagged pays for no
    /// explanation, and allocates nothing.
    /// </summary>
    public double Judge(string text, double explainFrom, out IReadOnlyList<NGramContribution> strongest, int count = 3)
    {
        if (!DistinctWords.AtLeastRequired(text))
        {
            strongest = Array.Empty<NGramContribution>();
            return 0;
        }

        var explanation = Score(text, explainFrom, count);
        strongest = explanation.Strongest;
        return explanation.Probability;
    }

    private (double Probability, IReadOnlyList<NGramContribution> Strongest) Score(string text, double explainFrom, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ExplainingSink(_weights, Header.Features.WindowChars);
        using var views = PromptViews.Of(text);
        try
        {
            PromptFeatures.Extract(views, Header.Features, ref sink);
            var probability = Sigmoid(sink.Scoring.LogOdds(Bias));
            return (probability, probability >= explainFrom ? sink.Strongest(views, count) : Array.Empty<NGramContribution>());
        }
        finally
        {
            sink.Dispose();
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
        private Divisor _halfWindow;

        public void Begin(int viewLength)
        {
            if (window > 0 && viewLength > window)
            {
                _halfWindow = new Divisor(window / 2);
                _spans = _halfWindow.Divide(viewLength - 1) + 1;
                _spanSums = ArrayPool<double>.Shared.Rent(_spans);
                _spanCounts = ArrayPool<int>.Shared.Rent(_spans);
                Array.Clear(_spanSums, 0, _spans);
                Array.Clear(_spanCounts, 0, _spans);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddCharacters(int bucket, int position)
        {
            var weight = weights[bucket];
            Sum += weight;
            Count++;
            if (_spanSums is not null)
            {
                var span = _halfWindow.Divide(position);
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

    // Scores, and keeps each word n-gram occurrence (bucket, position, length; pooled) so that the words of a flagged
    // text are summed from the views afterwards, in the order they were found, without extracting the features again.
    private struct ExplainingSink(float[] weights, int window) : IFeatureSink, IDisposable
    {
        private const int Fields = 3;

        public ScoringSink Scoring = new(weights, window);
        private int[] _words = ArrayPool<int>.Shared.Rent(Fields * 256);
        private int _length;

        public void Begin(int viewLength) => Scoring.Begin(viewLength);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddCharacters(int bucket, int position) => Scoring.AddCharacters(bucket, position);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddWords(int bucket, int position, ReadOnlySpan<char> words)
        {
            Scoring.AddCharacters(bucket, position);
            if (_length + Fields > _words.Length)
            {
                Grow();
            }

            _words[_length] = bucket;
            _words[_length + 1] = position;
            _words[_length + 2] = words.Length;
            _length += Fields;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Grow()
        {
            var larger = ArrayPool<int>.Shared.Rent(_words.Length * 2);
            _words.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<int>.Shared.Return(_words);
            _words = larger;
        }

        public readonly List<NGramContribution> Strongest(in PromptViews views, int count)
        {
            var totals = new WordNGramTotals();
            try
            {
                for (var i = 0; i < _length; i += Fields)
                {
                    totals.Add(views.Slice(_words[i + 1], _words[i + 2]), weights[_words[i]]);
                }

                return totals.Strongest(count, PromptFeatures.Scale(Scoring.Count));
            }
            finally
            {
                totals.Dispose();
            }
        }

        public void Dispose()
        {
            Scoring.Dispose();
            ArrayPool<int>.Shared.Return(_words);
            _words = [];
        }
    }
}

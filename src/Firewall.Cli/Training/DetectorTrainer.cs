using Firewall.Cli.Evaluation;
using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Training;

/// <summary>
/// Fits the prompt-attack model on labelled prompts. Features are extracted once per distinct text and kept, so
/// cross-validation's many fits over subsets of one data set pay for extraction once.
/// </summary>
public sealed class DetectorTrainer(TrainingOptions options)
{
    private readonly Dictionary<string, SparseFeatures> _features = new(StringComparer.Ordinal);

    public TrainingOptions Options => options;

    /// <summary>Weights fitted on <paramref name="prompts"/>, rounded as the model file stores them, under <paramref name="header"/>.</summary>
    public PromptModel Fit(IReadOnlyList<LabelledPrompt> prompts, PromptModelHeader header)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var rows = new SparseFeatures[prompts.Count];
        var labels = new bool[prompts.Count];
        for (var i = 0; i < prompts.Count; i++)
        {
            rows[i] = FeaturesOf(prompts[i].Text);
            labels[i] = prompts[i].IsAttack;
        }

        var (bias, weights) = FtrlLogisticRegression.Fit(rows, labels, RowWeights(prompts), options.Features.BucketCount, options.Ftrl);
        var stored = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            stored[i] = (float)(Half)weights[i];
        }

        return new PromptModel(header, (float)Math.Round(bias, 4), stored);
    }

    /// <summary>A scorer fitted on <paramref name="prompts"/>: the trainer delegate cross-validation calls.</summary>
    public Func<string, double> Scorer(IReadOnlyList<LabelledPrompt> prompts)
    {
        var model = Fit(prompts, Provisional(options.Features));
        return text => model.Probability(text);
    }

    /// <summary>
    /// Each row's loss weight: n^-SourcePower for a source of n rows, then scaled so that attacks and benign rows weigh
    /// half each, whatever their counts.
    /// </summary>
    public double[] RowWeights(IReadOnlyList<LabelledPrompt> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var perSource = prompts.CountBy(p => p.Source, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var weights = new double[prompts.Count];
        double attacks = 0, benign = 0;
        for (var i = 0; i < prompts.Count; i++)
        {
            weights[i] = Math.Pow(perSource[prompts[i].Source], -options.SourcePower);
            _ = prompts[i].IsAttack ? attacks += weights[i] : benign += weights[i];
        }

        for (var i = 0; i < prompts.Count; i++)
        {
            weights[i] *= prompts.Count / 2.0 / (prompts[i].IsAttack ? attacks : benign);
        }

        return weights;
    }

    // A header for a model that is only scored, never written: it has no threshold or figures yet.
    private static PromptModelHeader Provisional(FeatureConfiguration features) =>
        new("provisional", features, string.Empty, new TrainingDataSummary(string.Empty, 0, 0), double.NaN, string.Empty,
            new CrossValidatedFigures(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));

    private SparseFeatures FeaturesOf(string text)
    {
        if (!_features.TryGetValue(text, out var features))
        {
            features = SparseFeatures.Of(text, options.Features);
            _features.Add(text, features);
        }

        return features;
    }
}

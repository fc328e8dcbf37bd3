using System.Globalization;
using Firewall.Cli.Evaluation;
using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Training;

/// <summary>
/// The whole training recipe: grouped cross-validation on the training rows for the threshold and the figures, then
/// one fit on all rows. Deterministic: the same rows and options give the same model, byte for byte.
/// </summary>
public static class DetectorTraining
{
    public const string ModelVersion = "2026.12.3";
    public const int Folds = 5;

    /// <summary>The false-positive rate the threshold is chosen for, on out-of-fold scores of the training data.</summary>
    public const double TargetFalsePositiveRate = 0.01;

    public static PromptModel Train(IReadOnlyList<LabelledPrompt> prompts, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(options);
        var trainer = new DetectorTrainer(options);
        var scores = CrossValidation.OutOfFoldScores(prompts, GroupedFolds.KFold(prompts, Folds), trainer.Scorer);
        var chosen = ThresholdSelection.Choose(
            prompts, scores, TargetFalsePositiveRate, $"{Folds}-fold grouped out-of-fold scores of the training data");
        var threshold = Math.Round(chosen.Value, 4);
        var metrics = new RankingMetrics(scores, [.. prompts.Select(p => p.IsAttack)]);
        var at = metrics.At(threshold);
        var figures = new CrossValidatedFigures(
            Folds,
            Figure(metrics.RocAuc()),
            Figure(metrics.AveragePrecision()),
            Figure(metrics.RecallAtFalsePositiveRate(0.01)),
            Figure(metrics.RecallAtFalsePositiveRate(0.05)),
            Figure(at.Recall),
            Figure(at.FalsePositiveRate));
        var header = new PromptModelHeader(
            ModelVersion,
            options.Features,
            string.Create(CultureInfo.InvariantCulture,
                $"{options.Ftrl}; rows weighted n^-{options.SourcePower} per source, classes balanced; without sources {string.Join(", ", options.ExcludedSources)}"),
            new TrainingDataSummary(TrainingDataHash.Of(prompts), prompts.Count, prompts.Count(p => p.IsAttack)),
            threshold,
            chosen.Origin,
            figures);
        return trainer.Fit(prompts, header);
    }

    // Four decimals: enough to read, and last-bit differences of floating-point maths cannot reach the file.
    private static double Figure(double value) => Math.Round(value, 4);
}

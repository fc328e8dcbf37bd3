using Firewall.Cli.Evaluation;
using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Training;

/// <summary>
/// The whole training recipe: grouped cross-validation on the training rows for the threshold and the figures, then
/// one fit on all rows. Deterministic: the same rows and options give the same model, byte for byte.
/// </summary>
internal static class DetectorTraining
{
    public const string ModelVersion = "2026.12.1";
    public const int Folds = 5;
    public const double TargetFalsePositiveRate = 0.01;

    public static PromptModel Train(IReadOnlyList<LabelledPrompt> prompts, TrainingOptions options)
    {
        var trainer = new DetectorTrainer(options);
        // TODO(cv): threshold and figures from grouped cross-validation once Evaluation's CrossValidation lands.
        var figures = new CrossValidatedFigures(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var header = new PromptModelHeader(
            ModelVersion,
            options.Features,
            $"{options.Ftrl}; rows weighted n^-{options.SourcePower} per source, classes balanced; without sources {string.Join(", ", options.ExcludedSources)}",
            new TrainingDataSummary(TrainingDataHash.Of(prompts), prompts.Count, prompts.Count(p => p.IsAttack)),
            0.5,
            "placeholder",
            figures);
        return trainer.Fit(prompts, header);
    }
}

namespace Firewall.Core.Classification.Model;

/// <summary>What a model file says about itself: enough to know what it is, what it was trained on and how good it is.</summary>
/// <param name="Version">The model version every classified event records.</param>
/// <param name="Features">The features the weights belong to.</param>
/// <param name="Trainer">The optimiser and its settings, in words.</param>
/// <param name="TrainingData">The rows the model was fitted on.</param>
/// <param name="Threshold">Probability at and above which a text is judged an attack.</param>
/// <param name="ThresholdOrigin">How the threshold was chosen (always from cross-validation on the training data).</param>
/// <param name="CrossValidation">Out-of-fold figures on the training data.</param>
public sealed record PromptModelHeader(
    string Version,
    FeatureConfiguration Features,
    string Trainer,
    TrainingDataSummary TrainingData,
    double Threshold,
    string ThresholdOrigin,
    CrossValidatedFigures CrossValidation);

/// <param name="Sha256">Hex SHA-256 over the training rows in the order read (text, label and source of each).</param>
public sealed record TrainingDataSummary(string Sha256, int Rows, int Attacks);

/// <summary>Out-of-fold figures of grouped K-fold cross-validation; rates at <see cref="PromptModelHeader.Threshold"/>.</summary>
public sealed record CrossValidatedFigures(
    int Folds,
    double RocAuc,
    double PrAuc,
    double RecallAt1PercentFpr,
    double RecallAt5PercentFpr,
    double Recall,
    double FalsePositiveRate);

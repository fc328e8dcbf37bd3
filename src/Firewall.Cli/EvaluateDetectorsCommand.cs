using System.CommandLine;
using System.Globalization;
using Firewall.Cli.Evaluation;
using Firewall.Cli.Training;
using Firewall.Core.Classification;
using Firewall.Core.Classification.Model;

namespace Firewall.Cli;

/// <summary>
/// <c>eval-detectors</c>: the rules, the learned model and their verdict (model OR rules) on labelled prompts, per source
/// and overall (<see cref="EvaluationReport"/>). With <c>--cv K</c> or <c>--loso</c> it trains the model itself, on the
/// training data (plus any <c>--data</c>), and reports out-of-fold scores, each fold at a threshold chosen on the others.
/// </summary>
public static class EvaluateDetectorsCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo[]>("--data")
        {
            Description = "JSONL files of {text, label (1 = attack), source, category} (default: ../shared/data/prompts/dev.jsonl; with --cv or --loso, added to the training data)",
            AllowMultipleArgumentsPerToken = true,
        };
        var rules = new Option<FileInfo?>("--rules") { Description = "A rule set JSON file to measure instead of the embedded one" };
        var model = new Option<FileInfo?>("--model") { Description = "A model file to measure instead of the embedded one" };
        var cv = new Option<int?>("--cv") { Description = "Grouped K-fold cross-validation over the training data (+ --data)" };
        var loso = new Option<bool>("--loso") { Description = "Leave-one-source-out cross-validation over the training data (+ --data)" };
        var command = new Command("eval-detectors", "Measure the prompt-attack detectors on labelled prompts") { data, rules, model, cv, loso };
        foreach (var option in TrainingOptionsArguments.All)
        {
            command.Add(option);
        }

        command.SetAction(parse => Run(
            parse.GetValue(data), parse.GetValue(rules), parse.GetValue(model), parse.GetValue(cv), parse.GetValue(loso), TrainingOptionsArguments.Read(parse)));
        return command;
    }

    private static int Run(FileInfo[]? data, FileInfo? rulesFile, FileInfo? modelFile, int? cv, bool loso, TrainingOptions options)
    {
        var crossValidating = cv is not null || loso;
        var given = data is { Length: > 0 } ? data.Select(f => f.FullName).ToList() : [];
        IReadOnlyList<string> files = crossValidating ? [.. SharedData.TrainingFiles(), .. given] : given.Count > 0 ? given : [SharedData.Prompts("dev.jsonl")];
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Console.Error.WriteLine($"No labelled data at {missing}; pass --data.");
            return 2;
        }

        if (cv is < 2)
        {
            Console.Error.WriteLine("--cv needs at least 2 folds.");
            return 2;
        }

        RuleSet ruleSet;
        IReadOnlyList<LabelledPrompt> prompts;
        PromptModel? model = null;
        try
        {
            ruleSet = rulesFile is null ? RuleSetLoader.LoadEmbedded() : RuleSetLoader.Load(File.ReadAllText(rulesFile.FullName));
            prompts = [.. files.SelectMany(LabelledPrompts.Read).Where(p => !crossValidating || options.Includes(p.Source))];
            if (!crossValidating)
            {
                using var stream = modelFile is null ? null : File.OpenRead(modelFile.FullName);
                model = stream is null ? PromptModel.LoadEmbedded() : PromptModelFile.Read(stream);
            }
        }
        catch (Exception e) when (e is RuleSetException or PromptModelException or LabelledDataException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var detector = new PromptInjectionDetector(ruleSet);
        var ruleVerdicts = prompts.Select(p => detector.Detect(p.Text)).ToList();
        var ruleThreshold = new ChosenThreshold(detector.Threshold, $"injectionThreshold of rule set {ruleSet.Version}");
        Console.WriteLine($"data {string.Join(", ", files)}");
        Report("rules", prompts, [.. ruleVerdicts.Select(v => v.Score)], [ruleThreshold], _ => ruleThreshold.Value);

        double[] modelScores;
        IReadOnlyList<ChosenThreshold> thresholds;
        Func<int, double> thresholdOf;
        if (model is not null)
        {
            modelScores = [.. prompts.Select(p => model.Probability(p.Text))];
            thresholds = [new ChosenThreshold(model.Threshold, $"model {model.Version}: {model.Header.ThresholdOrigin}")];
            thresholdOf = _ => model.Threshold;
        }
        else
        {
            var folds = loso ? GroupedFolds.LeaveOneSourceOut(prompts) : GroupedFolds.KFold(prompts, cv!.Value);
            modelScores = CrossValidation.OutOfFoldScores(prompts, folds, new DetectorTrainer(options).Scorer);
            thresholds = ThresholdSelection.PerFold(prompts, modelScores, folds, DetectorTraining.TargetFalsePositiveRate);
            var perRow = ThresholdSelection.ForRows(thresholds, folds);
            thresholdOf = row => perRow[row];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(loso ? "leave-one-source-out" : $"grouped {cv}-fold")} cross-validation, {prompts.Count} rows; trainer: {options.Ftrl}, source power {options.SourcePower}, features {options.Features}, without {string.Join(", ", options.ExcludedSources)}"));
        }

        Report("model", prompts, modelScores, thresholds, thresholdOf);

        // Model OR rules: a row the rules flag ranks above every row they do not, at the model's threshold.
        var verdictScores = modelScores.Select((score, row) => ruleVerdicts[row].IsInjection ? 1 + score : score).ToArray();
        Report("verdict (model OR rules)", prompts, verdictScores, thresholds, thresholdOf);
        return 0;
    }

    private static void Report(
        string name, IReadOnlyList<LabelledPrompt> prompts, double[] scores, IReadOnlyList<ChosenThreshold> thresholds, Func<int, double> thresholdOf)
    {
        Console.WriteLine();
        Console.WriteLine($"== {name}");
        var perRow = Enumerable.Range(0, prompts.Count).Select(thresholdOf).ToList();
        Console.Write(EvaluationReport.Format(thresholds.Count > 6 ? [.. thresholds.Take(3), new ChosenThreshold(double.NaN, $"… {thresholds.Count} thresholds, one per fold")] : thresholds,
            SourceMetrics.PerSource(prompts, scores, perRow)));
    }
}

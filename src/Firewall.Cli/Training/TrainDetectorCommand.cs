using System.CommandLine;
using Firewall.Cli.Evaluation;
using Firewall.Core.Classification.Model;

namespace Firewall.Cli.Training;

/// <summary><c>train-detector</c>: fits the prompt-attack model, chooses its threshold by grouped cross-validation and writes the model file.</summary>
public static class TrainDetectorCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo[]>("--data")
        {
            Description = "JSONL files of {text, label, source, category} (default: ../shared/data/prompts/train.jsonl and data/written-prompts/*.jsonl)",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the model file",
            DefaultValueFactory = _ => new FileInfo(EmbeddedModelPath()),
        };
        var command = new Command("train-detector", "Train the learned prompt-attack detector") { data, output };
        foreach (var option in TrainingOptionsArguments.All)
        {
            command.Add(option);
        }

        command.SetAction(parse => Run(parse.GetValue(data), parse.GetValue(output)!, TrainingOptionsArguments.Read(parse)));
        return command;
    }

    private static int Run(FileInfo[]? data, FileInfo output, TrainingOptions options)
    {
        var files = data is { Length: > 0 } ? [.. data.Select(f => f.FullName)] : SharedData.TrainingFiles();
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Console.Error.WriteLine($"No labelled data at {missing}; pass --data.");
            return 2;
        }

        IReadOnlyList<LabelledPrompt> prompts;
        try
        {
            prompts = [.. files.SelectMany(LabelledPrompts.Read).Where(p => options.Includes(p.Source))];
        }
        catch (LabelledDataException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var model = DetectorTraining.Train(prompts, options);
        using (var stream = File.Create(output.FullName))
        {
            PromptModelFile.Write(model, stream);
        }

        var h = model.Header;
        Console.WriteLine($"model {h.Version}: {h.TrainingData.Rows} rows ({h.TrainingData.Attacks} attacks) from {string.Join(", ", files)}");
        Console.WriteLine(FormattableString.Invariant(
            $"threshold {h.Threshold:0.0000} ({h.ThresholdOrigin}); {h.CrossValidation.Folds}-fold CV: ROC-AUC {h.CrossValidation.RocAuc:0.0000}, PR-AUC {h.CrossValidation.PrAuc:0.0000}, recall@1%FPR {h.CrossValidation.RecallAt1PercentFpr:0.000}, recall@5%FPR {h.CrossValidation.RecallAt5PercentFpr:0.000}"));
        Console.WriteLine($"wrote {output.FullName}");
        return 0;
    }

    private static string EmbeddedModelPath() =>
        Path.Combine(RepositoryRoot.Find() ?? Environment.CurrentDirectory, "src", "Firewall.Core", "Classification", "Model", "prompt-model.bin");
}

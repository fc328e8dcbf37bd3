using Firewall.Core.Classification.Model;

namespace Firewall.Core.Classification;

/// <summary>Judges the prompt texts of an event with the learned model and the prompt-injection rules; thread-safe.</summary>
public sealed class PromptAttackJudge(PromptModel model, PromptInjectionDetector rules)
{
    /// <summary>How many word n-grams a flagged verdict names.</summary>
    public const int StrongestCount = 3;

    public static PromptAttackJudge CreateDefault() => new(PromptModel.LoadEmbedded(), PromptInjectionDetector.CreateDefault());

    public PromptModel Model => model;

    public PromptAttackVerdict Judge(params ReadOnlySpan<string?> texts) => JudgeWithRules(rules.Detect(texts), texts);

    /// <summary>The verdict on <paramref name="texts"/> with the rules' verdict already taken (on the texts' shared hint scan).</summary>
    public PromptAttackVerdict JudgeWithRules(InjectionVerdict ruleVerdict, params ReadOnlySpan<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(ruleVerdict);
        var probability = 0.0;
        string? strongest = null;
        IReadOnlyList<NGramContribution> explained = Array.Empty<NGramContribution>();
        foreach (var text in texts)
        {
            // Only a text the model flags is explained (explaining allocates), from the features it was scored with.
            IReadOnlyList<NGramContribution> named = Array.Empty<NGramContribution>();
            var p = text is null ? 0 : model.Judge(text, model.Threshold, out named, StrongestCount);
            if (p > probability || strongest is null)
            {
                (probability, strongest, explained) = (p, text, named);
            }
        }

        return new PromptAttackVerdict(probability, model.Threshold, ruleVerdict, explained);
    }
}

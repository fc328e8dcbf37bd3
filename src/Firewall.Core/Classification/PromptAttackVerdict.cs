using Firewall.Core.Classification.Model;
using Firewall.Core.Events;

namespace Firewall.Core.Classification;

/// <summary>
/// Whether a prompt is an attack, from the learned model and the rules together: an attack when the model's probability
/// reaches its threshold OR the rules' weighted phrases reach theirs (docs/detector.md, "Verdict"). The model cannot
/// tell system-prompt extraction from other attacks, so the category is LLM07 only where a system-prompt-extraction
/// rule matched, and LLM01 otherwise.
/// </summary>
/// <param name="Probability">The model's probability that the text is an attack (the highest over the texts judged).</param>
/// <param name="Threshold">The model's threshold, chosen by cross-validation on its training data.</param>
/// <param name="Rules">The rules' verdict, with every matching rule's finding even below their threshold.</param>
/// <param name="Strongest">When the model flags the text: the word n-grams that raised its score most; otherwise empty.</param>
public sealed record PromptAttackVerdict(double Probability, double Threshold, InjectionVerdict Rules, IReadOnlyList<NGramContribution> Strongest)
{
    public bool ModelFlags => Probability >= Threshold;

    public bool IsAttack => ModelFlags || Rules.IsInjection;

    /// <summary>The rule id of the model's finding.</summary>
    public const string ModelRule = "model.prompt_attack";

    public OwaspCategory Category => !IsAttack
        ? OwaspCategory.None
        : Rules.Findings.Any(f => f.Category == OwaspCategory.Llm07) ? OwaspCategory.Llm07 : OwaspCategory.Llm01;

    /// <summary>
    /// What an event judged by this verdict carries: nothing when it is no attack; otherwise every rule that matched (even
    /// below the rules' threshold: they explain the verdict) and, when the model flags the text, the model's finding with
    /// its probability and strongest word n-grams. A verdict below the threshold adds no finding.
    /// </summary>
    public IReadOnlyList<Finding> Findings => !IsAttack ? [] : !ModelFlags ? Rules.Findings :
        [.. Rules.Findings, new Finding(ModelRule, Detectors.Model, Category, Severity.High, 1, Math.Round(Probability, 4), [.. Strongest.Select(s => s.Words)])];
}

using Firewall.Core.Classification;
using Firewall.Core.Classification.Model;
using Firewall.Core.Events;

namespace Firewall.Core.Tests.Classification;

public sealed class PromptAttackVerdictTests
{
    private static readonly Finding Extraction = new("pi.system_prompt_extraction", Detectors.PromptInjection, OwaspCategory.Llm07, Severity.High, 1);
    private static readonly Finding Override = new("pi.ignore_instructions", Detectors.PromptInjection, OwaspCategory.Llm01, Severity.High, 1);

    [Theory]
    [InlineData(0.2, false, OwaspCategory.None)]
    [InlineData(0.7, false, OwaspCategory.Llm01)]
    [InlineData(0.2, true, OwaspCategory.Llm01)]
    [InlineData(0.7, true, OwaspCategory.Llm01)]
    public void An_attack_when_the_model_or_the_rules_say_so(double probability, bool rulesFlag, OwaspCategory category)
    {
        var verdict = Verdict(probability, rulesFlag, Override);

        Assert.Equal(category != OwaspCategory.None, verdict.IsAttack);
        Assert.Equal(category, verdict.Category);
    }

    [Fact]
    public void System_prompt_extraction_only_where_its_rule_matched()
    {
        Assert.Equal(OwaspCategory.Llm07, Verdict(0.9, rulesFlag: false, Extraction).Category);
        Assert.Equal(OwaspCategory.Llm07, Verdict(0.1, rulesFlag: true, Extraction, Override).Category);
        Assert.Equal(OwaspCategory.None, Verdict(0.1, rulesFlag: false, Extraction).Category);
    }

    [Fact]
    public void The_judge_names_the_model_s_words_only_when_the_model_flags()
    {
        var judge = new PromptAttackJudge(Model.TestModels.Weighting("unlock the vault", 3, bias: -1), PromptInjectionDetector.CreateDefault());

        var flagged = judge.Judge(null, "please unlock the vault");
        var quiet = judge.Judge("what is for lunch", null);

        Assert.True(flagged.ModelFlags);
        Assert.Equal(PromptAttackJudge.StrongestCount, flagged.Strongest.Count);
        Assert.All(flagged.Strongest, s => Assert.Contains(s.Words, (string[])["unlock", "the", "vault", "unlock the", "the vault"]));
        Assert.False(quiet.IsAttack);
        Assert.Empty(quiet.Strongest);
    }

    private static PromptAttackVerdict Verdict(double probability, bool rulesFlag, params Finding[] findings) =>
        new(probability, 0.5, new InjectionVerdict(rulesFlag ? 1 : 0.4, rulesFlag, findings, TimedOut: false), []);
}

using Firewall.Core.Classification;
using Firewall.Core.Classification.Model;

namespace Firewall.Core.Tests.Classification.Model;

public sealed class DistinctWordsTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("..........", false)]
    [InlineData("zzzzzzzzzzzzzzzzzzzz", false)]
    [InlineData("z z z z z z z z z z", false)]
    [InlineData("Stop STOP stop; go GO go", false)]
    [InlineData("stop go now", true)]
    [InlineData("ignore the rules", true)]
    public void A_text_needs_three_different_words(string text, bool enough) =>
        Assert.Equal(enough, DistinctWords.AtLeastRequired(text));

    [Theory]
    [InlineData('z')]
    [InlineData('.')]
    public void The_shipped_model_never_flags_a_flood_of_one_token(char token)
    {
        var model = PromptModel.LoadEmbedded();

        Assert.Equal(0, model.Probability(new string(token, 1000)));
        Assert.Equal(0, model.Probability(string.Join(' ', Enumerable.Repeat(token.ToString(), 500))));
    }

    [Fact]
    public void A_flood_is_the_flooding_detector_s_not_a_prompt_attack()
    {
        var verdict = PromptAttackJudge.CreateDefault().Judge(new string('.', 600));

        Assert.False(verdict.IsAttack);
    }
}

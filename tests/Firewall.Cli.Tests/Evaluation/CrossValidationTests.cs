using Firewall.Cli.Evaluation;

namespace Firewall.Cli.Tests.Evaluation;

public sealed class CrossValidationTests
{
    private static readonly LabelledPrompt[] Prompts =
    [
        new("p0", true, "s", ""),
        new("p1", false, "s", ""),
        new("p2", true, "s", ""),
        new("p3", false, "s", ""),
        new("p4", true, "s", ""),
        new("p5", false, "s", ""),
    ];

    // Fold 0 holds one row, fold 1 two, fold 2 none, fold 3 three: each model's training set has a different size.
    private static readonly Folds Folds = new([3, 1, 3, 0, 1, 3], ["a", "b", "c", "d"]);

    [Fact]
    public void Every_prompt_is_scored_by_the_model_trained_on_the_other_folds()
    {
        var trainedOn = new List<string[]>();

        var scores = CrossValidation.OutOfFoldScores(Prompts, Folds, training =>
        {
            var texts = training.Select(p => p.Text).ToArray();
            trainedOn.Add(texts);

            // The score says which model scored (its training size) and whether that model saw the text (+100).
            return text => texts.Length + (texts.Contains(text) ? 100 : 0);
        });

        Assert.Equal([3, 4, 3, 5, 4, 3], scores);
        Assert.Equal(
            [["p0", "p1", "p2", "p4", "p5"], ["p0", "p2", "p3", "p5"], ["p1", "p3", "p4"]],
            trainedOn);
    }

    [Fact]
    public void Folds_that_do_not_cover_the_prompts_are_refused()
    {
        var short_ = new Folds([0, 1], ["a", "b"]);

        Assert.Throws<ArgumentException>(() => CrossValidation.OutOfFoldScores(Prompts, short_, _ => _ => 0));
    }
}

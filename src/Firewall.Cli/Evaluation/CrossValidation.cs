namespace Firewall.Cli.Evaluation;

/// <summary>Out-of-fold scores: every prompt scored by a model trained without its fold.</summary>
public static class CrossValidation
{
    /// <param name="train">Trains on the given prompts and returns the model's scorer.</param>
    /// <returns>The score of each prompt, in the prompts' order. Folds are trained one after another, in fold order.</returns>
    public static double[] OutOfFoldScores(
        IReadOnlyList<LabelledPrompt> prompts, Folds folds, Func<IReadOnlyList<LabelledPrompt>, Func<string, double>> train)
    {
        if (folds.FoldOfRow.Count != prompts.Count)
        {
            throw new ArgumentException($"The folds cover {folds.FoldOfRow.Count} rows, not the {prompts.Count} prompts.", nameof(folds));
        }

        var scores = new double[prompts.Count];
        for (var fold = 0; fold < folds.Count; fold++)
        {
            var heldOut = folds.RowsOf(fold).ToList();
            if (heldOut.Count == 0)
            {
                continue;
            }

            var score = train([.. folds.RowsOutside(fold).Select(row => prompts[row])]);
            foreach (var row in heldOut)
            {
                scores[row] = score(prompts[row].Text);
            }
        }

        return scores;
    }
}

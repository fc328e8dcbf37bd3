namespace Firewall.Cli.Evaluation;

/// <summary>Deterministic splits for cross-validation that never put one group (of near-duplicates, or a source) in two folds.</summary>
public static class GroupedFolds
{
    /// <summary>K folds over the prompts' <see cref="NearDuplicateGroups"/>.</summary>
    public static Folds KFold(IReadOnlyList<LabelledPrompt> prompts, int k) =>
        KFold(NearDuplicateGroups.Assign([.. prompts.Select(p => p.Text)]), [.. prompts.Select(p => p.IsAttack)], k);

    /// <summary>
    /// K folds, whole groups at a time, balanced in attacks and in benign rows: groups are placed largest first (ties in
    /// order of appearance), each into the fold where it adds least to Σ (attack share)² + (benign share)², the lowest
    /// fold on a tie. No randomness, so the same rows always give the same folds.
    /// </summary>
    public static Folds KFold(IReadOnlyList<int> groupOfRow, IReadOnlyList<bool> labels, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        if (labels.Count != groupOfRow.Count)
        {
            throw new ArgumentException("Groups and labels need one entry per row.", nameof(labels));
        }

        if (groupOfRow.Any(group => group < 0))
        {
            throw new ArgumentException("Group ids are 0, 1, 2, … as NearDuplicateGroups numbers them.", nameof(groupOfRow));
        }

        var groupCount = groupOfRow.Count == 0 ? 0 : groupOfRow.Max() + 1;
        var attacks = new double[groupCount];
        var benign = new double[groupCount];
        for (var row = 0; row < groupOfRow.Count; row++)
        {
            _ = labels[row] ? attacks[groupOfRow[row]]++ : benign[groupOfRow[row]]++;
        }

        var totalAttacks = Math.Max(attacks.Sum(), 1);
        var totalBenign = Math.Max(benign.Sum(), 1);
        var foldAttacks = new double[k];
        var foldBenign = new double[k];
        var foldOfGroup = new int[groupCount];
        var largestFirst = Enumerable.Range(0, groupCount).OrderByDescending(g => attacks[g] + benign[g]).ThenBy(g => g);
        foreach (var group in largestFirst)
        {
            var best = 0;
            var bestCost = double.PositiveInfinity;
            for (var fold = 0; fold < k; fold++)
            {
                // The growth of the sum of squared shares when the group joins this fold, less the terms every fold shares.
                var cost = (foldAttacks[fold] * attacks[group] / (totalAttacks * totalAttacks))
                    + (foldBenign[fold] * benign[group] / (totalBenign * totalBenign));
                if (cost < bestCost)
                {
                    (best, bestCost) = (fold, cost);
                }
            }

            foldOfGroup[group] = best;
            foldAttacks[best] += attacks[group];
            foldBenign[best] += benign[group];
        }

        return new Folds(
            [.. groupOfRow.Select(g => foldOfGroup[g])],
            [.. Enumerable.Range(1, k).Select(fold => $"fold {fold}")]);
    }

    /// <summary>One fold per source group (ordinal order), named after it: how a model does on a source it never saw.</summary>
    public static Folds LeaveOneSourceOut(IReadOnlyList<LabelledPrompt> prompts)
    {
        var sources = prompts.Select(p => p.SourceGroup).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var foldOfSource = sources.Select((source, fold) => (source, fold)).ToDictionary(s => s.source, s => s.fold, StringComparer.Ordinal);
        return new Folds([.. prompts.Select(p => foldOfSource[p.SourceGroup])], sources);
    }
}

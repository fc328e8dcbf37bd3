namespace Firewall.Cli.Evaluation;

/// <summary>A split of rows into folds for cross-validation: the fold of each row, and a name per fold for reports.</summary>
public sealed record Folds(IReadOnlyList<int> FoldOfRow, IReadOnlyList<string> Names)
{
    public int Count => Names.Count;

    /// <summary>The rows of one fold, ascending.</summary>
    public IEnumerable<int> RowsOf(int fold) => Enumerable.Range(0, FoldOfRow.Count).Where(row => FoldOfRow[row] == fold);

    /// <summary>The rows of every other fold, ascending.</summary>
    public IEnumerable<int> RowsOutside(int fold) => Enumerable.Range(0, FoldOfRow.Count).Where(row => FoldOfRow[row] != fold);
}

namespace Firewall.Cli;

/// <summary>
/// Where the labelled data lives: the shared prompts beside the repository (never copied into it) and the examples
/// written in this repository. Paths are found from the repository root, so commands work from any folder in it.
/// </summary>
public static class SharedData
{
    /// <summary>A file of the shared labelled prompts, such as "train.jsonl": ../shared/data/prompts/ next to the repository.</summary>
    public static string Prompts(string file) =>
        Path.GetFullPath(Path.Combine(RepositoryRoot.Find() ?? Environment.CurrentDirectory, "..", "shared", "data", "prompts", file));

    /// <summary>The repository's written examples (data/written-prompts/*.jsonl), in ordinal order; none when absent.</summary>
    public static IReadOnlyList<string> WrittenPrompts()
    {
        var folder = Path.Combine(RepositoryRoot.Find() ?? Environment.CurrentDirectory, "data", "written-prompts");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>The default training files: the shared train.jsonl, then the written examples.</summary>
    public static IReadOnlyList<string> TrainingFiles() => [Prompts("train.jsonl"), .. WrittenPrompts()];
}

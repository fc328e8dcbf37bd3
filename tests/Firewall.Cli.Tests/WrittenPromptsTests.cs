using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Firewall.Testing;

namespace Firewall.Cli.Tests;

/// <summary>
/// The labelled prompts written in this repository (data/written-prompts), which the detector is trained on beside the
/// shared data: they keep the shared data's format, say truthfully what they hold, and copy nothing from train or dev.
/// </summary>
public sealed partial class WrittenPromptsTests
{
    // The shared data's own promise between its sets: no run of 12 words in common.
    private const int SharedRunLength = 12;

    private static readonly string Folder = RepositoryRoot.File("data", "written-prompts");

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(ReadRows);

    [Fact]
    public void Every_row_has_text_a_binary_label_its_file_as_source_and_a_category()
    {
        Assert.NotEmpty(Rows.Value);
        foreach (var row in Rows.Value)
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Text), row.ToString());
            Assert.True(row.Label is 0 or 1, row.ToString());
            Assert.Equal($"written/{row.File}", row.Source);
            Assert.False(string.IsNullOrWhiteSpace(row.Category), row.ToString());
        }
    }

    [Fact]
    public void No_text_is_written_twice()
    {
        var repeated = Rows.Value.GroupBy(row => string.Join(' ', Words(row.Text))).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
    }

    [Fact]
    public void The_readme_counts_every_file_by_label()
    {
        var counted = Rows.Value.GroupBy(row => row.File).ToDictionary(g => g.Key, g => (Attacks: g.Count(r => r.Label == 1), Benign: g.Count(r => r.Label == 0)));

        var documented = File.ReadLines(Path.Combine(Folder, "README.md"))
            .Select(line => ReadmeCountRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["file"].Value, m => (Attacks: int.Parse(m.Groups["attacks"].Value, CultureInfo.InvariantCulture), Benign: int.Parse(m.Groups["benign"].Value, CultureInfo.InvariantCulture)));

        Assert.Equal(counted.OrderBy(p => p.Key, StringComparer.Ordinal), documented.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Training.SharedDataFact]
    public void No_row_shares_a_run_of_twelve_words_with_the_shared_train_or_dev_data()
    {
        var shared = Path.GetDirectoryName(SharedData.Prompts("train.jsonl"))!;
        var written = Rows.Value.SelectMany(row => Runs(row.Text).Select(run => (run, row.Text))).ToLookup(p => p.run, p => p.Text);
        var copied = Directory.GetFiles(shared, "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .SelectMany(line => Runs(Parse(line).GetProperty("text").GetString() ?? string.Empty))
            .Where(written.Contains)
            .Distinct()
            .Select(run => $"\"{run}\" in: {written[run].First()}");

        Assert.Empty(copied);
    }

    private static IEnumerable<string> Runs(string text)
    {
        var words = Words(text);
        for (var i = 0; i + SharedRunLength <= words.Count; i++)
        {
            yield return string.Join(' ', words.GetRange(i, SharedRunLength));
        }
    }

    private static List<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    private static List<Row> ReadRows() =>
        Directory.GetFiles(Folder, "*.jsonl")
            .SelectMany(path => File.ReadLines(path).Select(line =>
            {
                var root = Parse(line);
                return new Row(
                    Path.GetFileNameWithoutExtension(path),
                    root.GetProperty("text").GetString() ?? string.Empty,
                    root.GetProperty("label").GetInt32(),
                    root.GetProperty("source").GetString() ?? string.Empty,
                    root.GetProperty("category").GetString() ?? string.Empty);
            }))
            .ToList();

    private static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private sealed record Row(string File, string Text, int Label, string Source, string Category);

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();

    // A row of the README's table: | `name.jsonl` | what it covers | attacks | benign |
    [GeneratedRegex(@"^\| `(?<file>[\w-]+)\.jsonl` \|.*\| (?<attacks>\d+) \| (?<benign>\d+) \|$")]
    private static partial Regex ReadmeCountRow();
}

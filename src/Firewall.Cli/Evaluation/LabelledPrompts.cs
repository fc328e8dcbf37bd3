using System.Text.Json;

namespace Firewall.Cli.Evaluation;

/// <summary>Reads labelled prompts from JSONL: one object a line with <c>text</c>, <c>label</c> (1 or 0), <c>source</c> and <c>category</c> (may be null).</summary>
public static class LabelledPrompts
{
    /// <summary>Every row of the file, in file order; blank lines are skipped.</summary>
    /// <exception cref="LabelledDataException">A row is not such an object; the message names the file and line.</exception>
    public static IReadOnlyList<LabelledPrompt> Read(string path) => Parse(File.ReadLines(path), path);

    /// <param name="name">What to call the input in an error, usually its path.</param>
    public static IReadOnlyList<LabelledPrompt> Parse(IEnumerable<string> lines, string name)
    {
        var prompts = new List<LabelledPrompt>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                prompts.Add(ParseRow(line));
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new LabelledDataException($"{name}:{number}: {e.Message}", e);
            }
        }

        return prompts;
    }

    /// <summary>The first two segments of a source path, which reports group by.</summary>
    public static string GroupOf(string source)
    {
        var first = source.IndexOf('/', StringComparison.Ordinal);
        var second = first < 0 ? -1 : source.IndexOf('/', first + 1);
        return second < 0 ? source : source[..second];
    }

    private static LabelledPrompt ParseRow(string line)
    {
        using var document = JsonDocument.Parse(line);
        var row = document.RootElement;
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("a row must be a JSON object.");
        }

        var text = RequiredString(row, "text");
        var label = row.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var n) && n is 0 or 1
            ? n == 1
            : throw new InvalidDataException("'label' must be 1 (attack) or 0 (benign).");
        var source = RequiredString(row, "source");
        if (source.Length == 0)
        {
            throw new InvalidDataException("'source' must not be empty.");
        }

        var category = row.TryGetProperty("category", out var c) && c.ValueKind != JsonValueKind.Null
            ? (c.ValueKind == JsonValueKind.String ? c.GetString()! : throw new InvalidDataException("'category' must be a string or null."))
            : string.Empty;
        return new LabelledPrompt(text, label, source, category);
    }

    private static string RequiredString(JsonElement row, string property) =>
        row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"'{property}' must be a string.");
}

using System.Text.Json;

namespace Firewall.Core.Tests;

/// <summary>The texts of the shared labelled prompts (../shared/data/prompts beside the repository), when they are present.</summary>
internal static class LabelledPrompts
{
    public static IReadOnlyList<string> Texts { get; } = Read("train.jsonl", "dev.jsonl");

    private static List<string> Read(params string[] files)
    {
        var folder = Folder();
        return folder is null ? [] :
        [
            .. files.Select(f => Path.Combine(folder, f)).Where(File.Exists).SelectMany(File.ReadLines)
                .Where(line => !string.IsNullOrWhiteSpace(line))
                .Select(line =>
                {
                    using var row = JsonDocument.Parse(line);
                    return row.RootElement.GetProperty("text").GetString() ?? string.Empty;
                }),
        ];
    }

    private static string? Folder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Firewall.sln")))
            {
                var prompts = Path.Combine(folder.FullName, "..", "shared", "data", "prompts");
                return Directory.Exists(prompts) ? prompts : null;
            }
        }

        return null;
    }
}

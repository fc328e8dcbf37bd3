using System.Text.Json;
using System.Text.Json.Serialization;
using Firewall.Bench.Profiling;
using Firewall.Bench.Scenarios;

namespace Firewall.Bench.Reports;

/// <summary>The results file: the machine, the command, the settings, every result with its ratio, and the profiles of what remains.</summary>
public sealed record BenchReport(
    Machine Machine, string Command, double DurationSeconds, int Concurrency, long QueryRows, IReadOnlyList<ScenarioResult> Results, IReadOnlyList<Targets.Verdict> Targets,
    IReadOnlyList<StackProfile>? Profiles = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task WriteAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json);
    }

    public static async Task<BenchReport> ReadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BenchReport>(file, Json) ?? throw new InvalidDataException($"{path} is empty.");
    }
}

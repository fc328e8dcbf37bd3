namespace Firewall.Bench.Profiling;

/// <summary>The dotnet-trace global tool: on PATH, or where <c>dotnet tool install -g dotnet-trace</c> puts it.</summary>
public static class DotnetTrace
{
    public const string Name = "dotnet-trace";

    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"))
            .Select(folder => Path.Combine(folder, Name))
            .FirstOrDefault(File.Exists);
}

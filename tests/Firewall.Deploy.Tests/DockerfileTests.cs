using System.Diagnostics;
using System.Text.RegularExpressions;
using Firewall.Testing;

namespace Firewall.Deploy.Tests;

/// <summary>
/// No Docker engine here: the build stage is replayed instruction by instruction in a scratch folder (WORKDIR, COPY of
/// the context minus .dockerignore, RUN of its dotnet commands), and the runtime stage's paths are checked against the result.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = Instructions(File.ReadAllText(RepositoryRoot.File("Dockerfile")));

    [Fact]
    public void TheBuildStageRestoresFromProjectFilesAloneAndPublishesTheEntrypointAssembly()
    {
        var root = Directory.CreateTempSubdirectory("firewall-docker-").FullName;
        try
        {
            var workdir = root;
            foreach (var line in Stage("build"))
            {
                var (keyword, arguments) = Split(line);
                switch (keyword)
                {
                    case "WORKDIR":
                        workdir = Path.Combine(root, arguments.TrimStart('/'));
                        Directory.CreateDirectory(workdir);
                        break;
                    case "COPY":
                        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        foreach (var source in parts[..^1])
                        {
                            CopyFromContext(source, Path.Combine(workdir, parts[^1]));
                        }

                        break;
                    case "RUN":
                        Run(arguments.Replace(" /app", " " + Path.Combine(root, "app"), StringComparison.Ordinal), workdir);
                        break;
                }
            }

            var published = Path.Combine(root, Split(Stage("runtime").Single(l => l.StartsWith("COPY --from=build", StringComparison.Ordinal))).Arguments.Split(' ')[1].TrimStart('/'));
            var entrypoint = EntrypointRegex().Match(Stage("runtime").Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal))).Groups[1].Value;
            Assert.True(File.Exists(Path.Combine(published, entrypoint)), $"{entrypoint} is not in the published folder");
            Assert.False(File.Exists(Path.Combine(published, "Firewall.Api")), "an apphost was published; the image runs dotnet Firewall.Api.dll");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TheRuntimeImageIsChiseledNonRootOnPort8080WithWritableFoldersAsVolumes()
    {
        var runtime = Stage("runtime");

        Assert.Contains("chiseled", runtime[0], StringComparison.Ordinal);
        var user = Split(runtime.Single(l => l.StartsWith("USER", StringComparison.Ordinal))).Arguments;
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user} is not a numeric non-root id");
        Assert.Contains(runtime, l => l == "EXPOSE 8080");
        Assert.Contains(runtime, l => l.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.StartsWith("VOLUME", StringComparison.Ordinal) && l.Contains("/tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDockerIgnoreKeepsBuildOutputAndTestsOutOfTheContext()
    {
        Assert.True(Ignored("src/Firewall.Api/bin/Release/x.dll"));
        Assert.True(Ignored("tests/Firewall.Api.Tests/CacheTests.cs"));
        Assert.True(Ignored("README.md"));
        Assert.False(Ignored("src/Firewall.Api/Program.cs"));
    }

    private static string[] Stage(string name)
    {
        var start = Array.FindIndex(Lines, l => l.StartsWith("FROM ", StringComparison.Ordinal) && l.EndsWith($" AS {name}", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no stage {name}");
        var end = Array.FindIndex(Lines, start + 1, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        return Lines[start..(end < 0 ? Lines.Length : end)];
    }

    private static void CopyFromContext(string source, string destination)
    {
        var from = RepositoryRoot.File(source.TrimEnd('/'));
        if (File.Exists(from))
        {
            var target = destination.EndsWith('/') || Directory.Exists(destination) ? Path.Combine(destination, Path.GetFileName(from)) : destination;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(from, target, overwrite: true);
            return;
        }

        Assert.True(Directory.Exists(from), $"COPY {source}: not in the build context");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/');
            if (!Ignored(relative))
            {
                var target = Path.Combine(destination, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }

    /// <summary>.dockerignore as Docker reads it, for the pattern forms it uses: <c>**/dir/</c>, <c>dir/</c> and root-level globs.</summary>
    private static bool Ignored(string relative)
    {
        var segments = relative.Split('/');
        foreach (var pattern in File.ReadAllLines(RepositoryRoot.File(".dockerignore")).Select(p => p.Trim()).Where(p => p.Length > 0 && p[0] != '#'))
        {
            var bare = pattern.TrimEnd('/');
            var ignored = bare.StartsWith("**/", StringComparison.Ordinal)
                ? segments.Take(segments.Length - 1).Contains(bare[3..])
                : bare.Contains('*', StringComparison.Ordinal)
                    ? Regex.IsMatch(relative, "^" + Regex.Escape(bare).Replace("\\*", "[^/]*", StringComparison.Ordinal) + "$")
                    : relative == bare || relative.StartsWith(bare + "/", StringComparison.Ordinal);
            if (ignored)
            {
                return true;
            }
        }

        return false;
    }

    private static void Run(string command, string workdir)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { WorkingDirectory = workdir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"RUN {command} failed:\n{output.Result}\n{error}");
    }

    private static (string Keyword, string Arguments) Split(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return (line[..space], line[(space + 1)..].Trim());
    }

    /// <summary>Instructions with continuation lines joined, comments and blank lines dropped.</summary>
    private static string[] Instructions(string dockerfile) =>
        [.. dockerfile.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#')];

    [GeneratedRegex("\"([^\"]+\\.dll)\"")]
    private static partial Regex EntrypointRegex();
}

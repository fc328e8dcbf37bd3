using System.Diagnostics;

namespace Firewall.Testing;

/// <summary>Runs a system command a fault fixture needs (pg_ctl, kill, mount) and fails with its output when it fails.</summary>
public static class Commands
{
    /// <summary>True when the tests run as root (CI does), which initdb refuses to be and which mount needs.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>; returns its standard output; throws on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var (exitCode, output, error) = await ExecuteAsync(file, args);
        return exitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {exitCode}: {error}{output}");
    }

    /// <summary>Runs <paramref name="file"/> as the account <paramref name="user"/> when we are root (as ourselves otherwise).</summary>
    public static Task<string> RunAsAsync(string user, string file, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", user, "--", file, .. args]) : RunAsync(file, args);

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/>, whatever its exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> ExecuteAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

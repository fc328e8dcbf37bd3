using System.Diagnostics;
using Firewall.Testing;

namespace Firewall.Cli.Tests;

/// <summary>The built CLI (firewall.dll of this configuration) run as a user runs it, from the repository root.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>A guard against a hung command, far above what any run here needs; never a measure.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromMinutes(3);

    public static async Task<CliRun> RunAsync(params string[] arguments)
    {
        var dll = RepositoryRoot.File("src", "Firewall.Cli", "bin", Configuration, "net10.0", "firewall.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI.");
        process.StandardInput.Close(); // no terminal: a command reading input sees its end instead of waiting
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var hung = new CancellationTokenSource(Hung);
        try
        {
            await process.WaitForExitAsync(hung.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"firewall {string.Join(' ', arguments)} did not finish:\n{await output}\n{await errors}");
        }

        return new CliRun(process.ExitCode, await output, await errors);
    }

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

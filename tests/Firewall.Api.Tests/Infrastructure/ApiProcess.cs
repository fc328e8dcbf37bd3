using System.Diagnostics;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// The API binary as a real process, as a container runs it: Production, the test signing key, its own data folder.
/// `dotnet test` names the dotnet host it runs under; the API's build output sits beside the tests'.
/// </summary>
public static class ApiProcess
{
    /// <summary>How to start the API with <paramref name="args"/> on <paramref name="dataPath"/>; callers add settings to its environment.</summary>
    public static ProcessStartInfo StartInfo(string dataPath, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Firewall.Api.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Firewall__Auth__SigningKey"] = Convert.ToBase64String(TestKeys.Trusted);
        start.Environment["Firewall__DataPath"] = dataPath;
        return start;
    }

    /// <summary>A fresh data folder under the temp directory (not created).</summary>
    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "firewall-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Sends SIGTERM, as Kubernetes does to stop a pod (<see cref="Process.Kill()"/> would be SIGKILL).</summary>
    public static async Task TerminateAsync(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}

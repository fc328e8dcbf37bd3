using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Firewall.Api.Tests.Infrastructure;

/// <summary>
/// The API binary (<see cref="ApiProcess"/>) serving HTTP on a free loopback port with a data folder of its own, ready.
/// Disposing kills it if it still runs and deletes the folder.
/// </summary>
public sealed class ServingApi : IDisposable
{
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    /// <summary>A hang guard, not a speed test: a start on a machine busy with parallel test classes can take many seconds.</summary>
    // Generous: on a loaded 2-core runner (several test processes) starting the binary took over 15 s.
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    private readonly bool _ownsDataPath;

    private ServingApi(Process process, string dataPath, Uri address, bool ownsDataPath)
    {
        (Process, DataPath, Address, _ownsDataPath) = (process, dataPath, address, ownsDataPath);
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    public string DataPath { get; }

    public Uri Address { get; }

    /// <summary>Starts the API with <paramref name="environment"/> added and waits until /health/ready answers.</summary>
    public static Task<ServingApi> StartAsync(params (string Name, string Value)[] environment) =>
        StartAsync(ApiProcess.NewDataPath(), ownsDataPath: true, environment);

    /// <summary>Starts the API on an existing <paramref name="dataPath"/>, as a restart after a crash does; the caller deletes the folder.</summary>
    public static Task<ServingApi> RestartOnAsync(string dataPath, params (string Name, string Value)[] environment) =>
        StartAsync(dataPath, ownsDataPath: false, environment);

    private static async Task<ServingApi> StartAsync(string dataPath, bool ownsDataPath, (string Name, string Value)[] environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = ApiProcess.StartInfo(dataPath);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var api = new ServingApi(Process.Start(start)!, dataPath, address, ownsDataPath);
        try
        {
            await api.WaitUntilReadyAsync();
        }
        catch
        {
            api.Dispose(); // no process outlives a failed start
            throw;
        }

        return api;
    }

    /// <summary>A client carrying a real token for <paramref name="role"/>.</summary>
    public HttpClient ClientFor(string role, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.TokenFor(role));
        return client;
    }

    /// <summary>Sends SIGTERM, as Kubernetes does to stop a pod.</summary>
    public Task TerminateAsync() => ApiProcess.TerminateAsync(Process);

    /// <summary>Waits for the process to exit, <paramref name="within"/> at most.</summary>
    public async Task WaitForExitAsync(TimeSpan within)
    {
        using var grace = new CancellationTokenSource(within);
        await Process.WaitForExitAsync(grace.Token);
    }

    /// <summary>Everything the process wrote, once it has exited.</summary>
    public async Task<string> LogAsync() => await _output + await _error;

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }

        Process.Dispose();
        if (_ownsDataPath && Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyWithin && !Process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the API was not ready within {ReadyWithin.TotalSeconds} s (exited: {Process.HasExited})");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

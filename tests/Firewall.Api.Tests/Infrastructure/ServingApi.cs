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

    private ServingApi(Process process, string dataPath, Uri address)
    {
        (Process, DataPath, Address) = (process, dataPath, address);
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    public string DataPath { get; }

    public Uri Address { get; }

    /// <summary>Starts the API with <paramref name="environment"/> added and waits until /health/ready answers (60 s at most).</summary>
    public static async Task<ServingApi> StartAsync(params (string Name, string Value)[] environment)
    {
        var dataPath = ApiProcess.NewDataPath();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = ApiProcess.StartInfo(dataPath);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var api = new ServingApi(Process.Start(start)!, dataPath, address);
        await api.WaitUntilReadyAsync();
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
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = Stopwatch.StartNew();
        // Generous: on a loaded 2-core runner (several test processes) starting the binary took over 15 s.
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !Process.HasExited)
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

        Assert.Fail($"the API was not ready within 60 s (exited: {Process.HasExited})");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

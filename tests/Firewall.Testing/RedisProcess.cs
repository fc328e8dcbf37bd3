using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Firewall.Testing;

/// <summary>
/// A redis-server of a test's own, for tests that stop, pause or restart Redis (the shared one of scripts/services.sh
/// must stay up). Its data folder survives a stop, so a restart loads the RDB file a SAVE wrote.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fw-redis-").FullName;
    private Process? _server;

    /// <summary>A free port, reserved now; nothing listens on it until <see cref="StartAsync"/>.</summary>
    public int Port { get; } = FreePort();

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    private RedisProcess()
    {
    }

    /// <summary>A server on a reserved port, not started yet.</summary>
    public static RedisProcess Reserve() => new();

    /// <summary>Starts the server (again), loading dump.rdb from its folder when one exists, and waits until it answers.</summary>
    public async Task StartAsync()
    {
        _server = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _dir, "--save", "", "--appendonly", "no"])
        { RedirectStandardOutput = true })!;
        _server.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        for (var i = 0; i < 100 && await CliAsync("PING") != "PONG"; i++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Writes dump.rdb now.</summary>
    public Task SaveAsync() => CliAsync("SAVE");

    /// <summary>Kills the server at once, like a crash: only what a SAVE wrote survives.</summary>
    public async Task StopAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }
    }

    /// <summary>SIGSTOP: the port stays open but nothing answers, like a stalled server.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    public Task ResumeAsync() => SignalAsync("-CONT");

    public async Task<string> CliAsync(params string[] args)
    {
        using var cli = Process.Start(new ProcessStartInfo("redis-cli", ["-p", Port.ToString(CultureInfo.InvariantCulture), .. args])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return output.Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await ResumeAsync();
        await StopAsync();
        _server?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task SignalAsync(string signal)
    {
        if (_server is { HasExited: false })
        {
            using var kill = Process.Start("kill", [signal, _server.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

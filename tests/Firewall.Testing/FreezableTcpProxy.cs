using System.Net;
using System.Net.Sockets;

namespace Firewall.Testing;

/// <summary>
/// A loopback TCP proxy in front of a real server that can be frozen: while frozen it still accepts connections but
/// forwards no byte either way, as a server stopped with SIGSTOP or a blackholed route does; thawed, it delivers what it
/// held. It hangs the store for one API without touching the shared server.
/// </summary>
#pragma warning disable CA1001 // _stop is cancelled, never disposed: relays still read its token as they wind down.
public sealed class FreezableTcpProxy : IAsyncDisposable
#pragma warning restore CA1001
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Task _accepting;
    private TaskCompletionSource _thawed = Thawed();

    private FreezableTcpProxy(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static FreezableTcpProxy Start(string targetHost, int targetPort) => new(targetHost, targetPort);

    /// <summary>From now on no byte passes, and new connections are accepted and left unanswered.</summary>
    public void Freeze()
    {
        var current = Volatile.Read(ref _thawed);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _thawed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }

    /// <summary>Bytes flow again, the held ones first.</summary>
    public void Thaw() => Volatile.Read(ref _thawed).TrySetResult();

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        Thaw();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static TaskCompletionSource Thawed()
    {
        var thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        thawed.SetResult();
        return thawed;
    }

    private Task WhileFrozen() => Volatile.Read(ref _thawed).Task.WaitAsync(_stop.Token);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await WhileFrozen();
                using var server = new TcpClient();
                await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
                using var closed = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = PumpAsync(client.GetStream(), server.GetStream(), closed.Token);
                var down = PumpAsync(server.GetStream(), client.GetStream(), closed.Token);
                await Task.WhenAny(up, down);
                await closed.CancelAsync();
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The proxy stopped, or either side closed: the connection ends, as it would without a proxy.
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (await from.ReadAsync(buffer, cancellationToken) is var read and > 0)
            {
                await WhileFrozen();
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // One side went away; the relay closes both.
        }
    }
}

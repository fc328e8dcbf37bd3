using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Firewall.Testing;

/// <summary>
/// A loopback TCP proxy in front of a real server, to break the network between the API and its store on demand:
/// <see cref="Pass"/> forwards both ways; <see cref="Reset"/> answers every open and every new connection with a TCP
/// reset; <see cref="Blackhole"/> accepts connections and forwards nothing either way, so a peer waits on a silent socket,
/// as behind a dropped route. When a blackhole ends, the bytes it held are delivered, as TCP retransmission would.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly ConcurrentDictionary<Socket, byte> _sockets = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile TaskCompletionSource _open = Opened();
    private volatile bool _resetting;
    private int _disposed;

    private FaultProxy(IPEndPoint upstream)
    {
        _upstream = upstream;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port the proxy listens on, on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A proxy to <paramref name="host"/>:<paramref name="port"/>, passing traffic.</summary>
    public static FaultProxy To(string host, int port) => new(new IPEndPoint(IPAddress.Parse(host), port));

    public void Pass()
    {
        _resetting = false;
        _open.TrySetResult();
    }

    public void Reset()
    {
        _resetting = true;
        foreach (var socket in _sockets.Keys)
        {
            Abort(socket);
        }

        _open.TrySetResult(); // what a blackhole held was just reset: let it find out
    }

    public void Blackhole()
    {
        _resetting = false;
        if (_open.Task.IsCompleted)
        {
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Stops the proxy; a second call (a factory disposes both ways) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _sockets.Keys)
        {
            Abort(socket);
        }

        _open.TrySetResult();
        await _accepting;
        _stop.Dispose();
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => LinkAsync(client));
        }
    }

    private async Task LinkAsync(Socket client)
    {
        _sockets[client] = 0;
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _sockets[upstream] = 0;
        try
        {
            await _open.Task; // a blackhole holds a new connection here: accepted, never forwarded
            if (_resetting)
            {
                return;
            }

            await upstream.ConnectAsync(_upstream, _stop.Token);
            await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Reset, refused or stopped: the link ends.
        }
        finally
        {
            _sockets.TryRemove(client, out _);
            _sockets.TryRemove(upstream, out _);
            // One side closed: close the other gracefully, unless resets are the order of the moment.
            Close(client, abort: _resetting);
            Close(upstream, abort: _resetting);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                await _open.Task; // a blackhole holds what was read, and reads no more
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The other side of the link ends it.
        }
    }

    private static void Abort(Socket socket) => Close(socket, abort: true);

    // Linger 0: closing sends a TCP reset instead of a graceful FIN.
    private static void Close(Socket socket, bool abort)
    {
        try
        {
            if (abort)
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }
}

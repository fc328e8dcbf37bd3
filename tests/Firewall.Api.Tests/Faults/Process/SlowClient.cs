using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Firewall.Api.Tests.Faults.Process;

/// <summary>
/// A slowloris client over a raw socket: sends the start of a request at once, then the rest a byte at a time, and
/// reports how long the server let it go on before answering or closing the connection, and the status line it answered.
/// </summary>
public static class SlowClient
{
    private static readonly TimeSpan ByteInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long until the server answered or closed (<paramref name="giveUp"/> or more when it did not), and its status line ("" for none).</summary>
    public static async Task<(TimeSpan Held, string Answer)> DribbleAsync(Uri server, string start, string tail, TimeSpan giveUp)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port);
        var stream = socket.GetStream();
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(start));
        var answer = new byte[512];
        var answered = stream.ReadAsync(answer).AsTask(); // a 408, or 0 bytes when the server closes

        foreach (var next in Encoding.ASCII.GetBytes(tail))
        {
            if (answered.IsCompleted || clock.Elapsed > giveUp)
            {
                break;
            }

            try
            {
                await stream.WriteAsync(new[] { next });
            }
            catch (IOException)
            {
                break; // closed by the server
            }

            await Task.WhenAny(answered, Task.Delay(ByteInterval));
        }

        var read = 0;
        try
        {
            read = await answered.WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (Exception failure) when (failure is IOException or TimeoutException)
        {
            // A reset is a close as well; a timeout leaves the clock at the give-up time.
        }

        return (clock.Elapsed, Encoding.ASCII.GetString(answer, 0, read).Split("\r\n")[0]);
    }
}

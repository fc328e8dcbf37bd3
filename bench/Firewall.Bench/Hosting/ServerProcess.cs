using System.Collections.Concurrent;
using System.Diagnostics;

namespace Firewall.Bench.Hosting;

/// <summary>
/// A server the benchmark starts as its own process (the API, or the minimal Kestrel baseline), so its CPU and memory
/// are its own: ready once its URL answers, its peak RSS readable, stopped when disposed. Keeps the tail of its output
/// to explain a failed start.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The process id, for a profiler to attach to.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The process's high-water mark of resident memory so far (VmHWM), in bytes.</summary>
    public long PeakRssBytes => PeakRss.Of(_process.Id);

    public static async Task<ServerProcess> StartAsync(ProcessStartInfo start, Uri baseAddress, string readyPath)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."), baseAddress);
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server._process.HasExited)
            {
                break;
            }

            try
            {
                using var answer = await probe.GetAsync(new Uri(readyPath, UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(200);
        }

        var tail = server.Tail;
        await server.DisposeAsync();
        throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not become ready:\n{tail}");
    }

    /// <summary>Runs a command to its end (a build, a migration); its output is the exception's message when it fails.</summary>
    public static async Task RunToEndAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    public string Tail => string.Join('\n', _tail);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > 40 && _tail.TryDequeue(out _))
        {
        }
    }
}

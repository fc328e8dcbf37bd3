using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>Agents posting without pause (<see cref="IngestLoad"/>) in the background, while a test injects a fault.</summary>
public sealed class LoadRun : IAsyncDisposable
{
    private const int Workers = 8;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _workers;

    private LoadRun(HttpClient agent)
    {
        Load = new IngestLoad(agent);
        _workers = Load.RunAsync(Workers, _stop.Token);
    }

    public IngestLoad Load { get; }

    public static LoadRun Start(HttpClient agent) => new(agent);

    /// <summary>Stops posting and waits for the requests in flight; returns the load's record.</summary>
    public async Task<IngestLoad> StopAsync()
    {
        await _stop.CancelAsync();
        await _workers;
        return Load;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _workers.ContinueWith(_ => { }, TaskScheduler.Default); // a failing test already reports; do not hide it
        _stop.Dispose();
    }
}

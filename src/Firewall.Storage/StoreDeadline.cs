using System.Globalization;
using Firewall.Storage.Writing;
using Microsoft.Extensions.Options;

namespace Firewall.Storage;

/// <summary>
/// The bounded wait for the store (<see cref="StorageOptions.RequestDeadline"/>). The operation is cancelled at the deadline,
/// and the caller stops waiting then even when the driver does not give up at once (a frozen server answers no cancel
/// request either): the request is answered 503 in bounded time, whatever the socket does.
/// </summary>
public sealed class StoreDeadline(IOptions<StorageOptions> options)
{
    /// <summary>How long a store answer may take after a deadline passes before it is retried; Retry-After of the 503.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public TimeSpan Duration => options.Value.RequestDeadline;

    /// <summary>Runs <paramref name="operation"/> within <see cref="Duration"/>; throws <see cref="StoreUnavailableException"/> past it.</summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        RunAsync(operation, Duration, cancellationToken);

    /// <summary>Runs <paramref name="operation"/> within <paramref name="within"/>; throws <see cref="StoreUnavailableException"/> past it.</summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, TimeSpan within, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(within);
        var running = operation(deadline.Token);
        try
        {
            return await running.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The abandoned operation fails later, as the driver gives up; nobody waits for it, so observe its failure here.
            _ = running.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw Exceeded(within);
        }
    }

    /// <summary>The 503 of a deadline passed: the agent retries, and an event that commits later is then answered as a duplicate.</summary>
    public static StoreUnavailableException Exceeded(TimeSpan within) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The event store did not answer within {within.TotalSeconds:0.###} s; retry later."), RetryAfter);
}

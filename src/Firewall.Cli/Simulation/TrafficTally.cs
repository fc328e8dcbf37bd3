using System.Globalization;

namespace Firewall.Cli.Simulation;

/// <summary>What the simulated agents saw, counted in events; written by every agent, read by the progress line.</summary>
internal sealed class TrafficTally
{
    private long _sent;
    private long _created;
    private long _duplicates;
    private long _errors;
    private long _throttled;
    private string? _firstError;

    /// <summary>Events in requests the API answered for good (not counting the 429/503 answers that were retried).</summary>
    public long Sent => Interlocked.Read(ref _sent);
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Retries of an eventId already stored: answered, stored once.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Events refused or lost: anything but created or duplicate, after retries.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>429 and 503 answers, each followed by a pause of Retry-After and a retry.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>The first error, to explain the others.</summary>
    public string? FirstError => Volatile.Read(ref _firstError);

    public void Answered(long created, long duplicates, long rejected)
    {
        Interlocked.Add(ref _sent, created + duplicates + rejected);
        Interlocked.Add(ref _created, created);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _errors, rejected);
    }

    public void Failed(int events, string why)
    {
        Interlocked.Add(ref _sent, events);
        Interlocked.Add(ref _errors, events);
        Interlocked.CompareExchange(ref _firstError, why, null);
    }

    public void Throttle() => Interlocked.Increment(ref _throttled);

    public string Progress(TimeSpan elapsed, TimeSpan duration, double currentRate) => string.Create(CultureInfo.InvariantCulture,
        $"{elapsed.TotalSeconds,4:0}/{duration.TotalSeconds:0}s  sent {Sent}  created {Created}  dup {Duplicates}  err {Errors}  429/503 {Throttled}  {currentRate,6:0.0}/s");
}

using System.Globalization;

namespace Firewall.Bench.Load;

/// <summary>One console line rewritten in place: scenario, time, items/s so far, errors; or any line of a caller's own.</summary>
public sealed class ProgressLine(TextWriter? output)
{
    private readonly object _gate = new();

    public void Show(string scenario, TimeSpan elapsed, TimeSpan duration, long items, long errors)
    {
        var rate = elapsed.TotalSeconds > 0 ? items / elapsed.TotalSeconds : 0;
        Show(string.Create(CultureInfo.InvariantCulture,
            $"{scenario,-28} {elapsed.TotalSeconds,5:0}/{duration.TotalSeconds:0}s {rate,10:N0}/s  errors {errors}"));
    }

    public void Show(string line)
    {
        lock (_gate)
        {
            output?.Write($"\r{line,-72}");
        }
    }

    public void Note(string message)
    {
        lock (_gate)
        {
            output?.Write($"\r{message,-72}\n");
        }
    }

    public void Done()
    {
        lock (_gate)
        {
            output?.Write('\r' + new string(' ', 72) + '\r');
        }
    }
}

using Firewall.Core.Events;

namespace Firewall.Storage.Data;

/// <summary>
/// A row of <c>event_counts_hourly</c>: how many events of one severity occurred in one hour (Unix hours). Hour-aligned
/// stats read these, 60 times fewer rows than <see cref="EventCount"/>: a 24-hour histogram is at most 24 × 7 rows.
/// </summary>
internal sealed class HourlyEventCount
{
    public long Hour { get; set; }
    public Severity Severity { get; set; }
    public long Count { get; set; }
}

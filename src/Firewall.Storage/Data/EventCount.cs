using Firewall.Core.Events;

namespace Firewall.Storage.Data;

/// <summary>A row of <c>event_counts</c>: how many events of one severity occurred in one minute (Unix minutes).</summary>
internal sealed class EventCount
{
    public long Minute { get; set; }
    public Severity Severity { get; set; }
    public long Count { get; set; }
}

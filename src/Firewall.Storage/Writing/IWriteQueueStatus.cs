namespace Firewall.Storage.Writing;

/// <summary>How full the write queue is, in events: read by the queue-depth gauges.</summary>
public interface IWriteQueueStatus
{
    int QueuedEvents { get; }

    int Capacity { get; }
}

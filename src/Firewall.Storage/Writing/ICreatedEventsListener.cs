using Firewall.Core.Events;

namespace Firewall.Storage.Writing;

/// <summary>
/// Handed, after each commit and before any writer is answered, the events that commit created: stored, redacted, with
/// their ids (the live tail). Called on the batch writer's loop, so it must hand them off and return, never wait.
/// </summary>
public interface ICreatedEventsListener
{
    void OnCreated(IReadOnlyList<SecurityEvent> events);
}

using Firewall.Core.Events;

namespace Firewall.Storage.Writing;

public enum WriteOutcome
{
    /// <summary>Stored by this write.</summary>
    Created,
    /// <summary>Already stored with the same fingerprint: nothing written.</summary>
    Duplicate,
    /// <summary>The eventId is stored with a different fingerprint: nothing written.</summary>
    Conflict,
}

/// <summary>What happened to one event of a write, with the event as stored (the existing one for duplicates and conflicts).</summary>
public sealed record WriteResult(WriteOutcome Outcome, SecurityEvent Event);

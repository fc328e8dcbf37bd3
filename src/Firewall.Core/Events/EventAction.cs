namespace Firewall.Core.Events;

/// <summary>What the firewall did with the prompt or response.</summary>
public enum EventAction
{
    Blocked = 1,
    Redacted = 2,
    Flagged = 3,
    Allowed = 4,
}

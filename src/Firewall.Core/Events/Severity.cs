namespace Firewall.Core.Events;

/// <summary>The OCSF severity scale. Stored as its number and compared by number.</summary>
public enum Severity
{
    Unknown = 0,
    Informational = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    Critical = 5,
    Fatal = 6,
}

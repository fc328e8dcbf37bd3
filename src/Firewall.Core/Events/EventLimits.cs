namespace Firewall.Core.Events;

/// <summary>The limits API.md sets on an event; validators and the host read them from here.</summary>
public static class EventLimits
{
    public const int MessageMaxBytes = 2 * 1024;
    public const int ContentMaxBytes = 16 * 1024;
    public const int AttributesMaxKeys = 32;
    public const int ShortTextMaxLength = 256;
    public const int MaxJsonDepth = 32;

    /// <summary>How deep a batch body may nest and still be split into items; each item is then held to <see cref="MaxJsonDepth"/> alone.</summary>
    public const int MaxBatchJsonDepth = 2 * MaxJsonDepth;
    public const int MaxBatchEvents = 1000;
    public const long SingleBodyMaxBytes = 1024 * 1024;
    public const long BatchBodyMaxBytes = 10 * 1024 * 1024;
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);
}

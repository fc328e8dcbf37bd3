namespace Firewall.Api.Tests.Faults;

/// <summary>
/// How hard the fault tests push: short cycles by default, so the suite fits CI's budget; more cycles and longer load
/// with <c>FIREWALL_FAULTS=long</c>, for a soak before a release or after touching the write path.
/// </summary>
public static class FaultMode
{
    public static bool Soak => Environment.GetEnvironmentVariable("FIREWALL_FAULTS") == "long";

    /// <summary>How long load runs before (and between) faults.</summary>
    public static TimeSpan Load => Soak ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(1.5);

    /// <summary>How many acknowledged events a run under load must reach to prove anything about them.</summary>
    public const int MinimumAcknowledged = 100;

    /// <summary>How many times a fault is repeated.</summary>
    public static int Cycles => Soak ? 10 : 3;
}

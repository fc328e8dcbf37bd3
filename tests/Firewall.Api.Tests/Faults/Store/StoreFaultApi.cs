using Firewall.Api.Tests.Infrastructure;

namespace Firewall.Api.Tests.Faults.Store;

/// <summary>
/// The API binary as the store fault tests run it: a short request deadline (1 s), so a hang is answered quickly, and no
/// rate limit, so the load finds what the fault breaks and not the limiter.
/// </summary>
public static class StoreFaultApi
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(1);

    /// <summary>"Within the deadline" as asserted: the deadline with room for a loaded 2-core CI machine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(4);

    /// <summary>How soon readiness must say not-ready when the store hangs (issue #10): before a probe gives up waiting.</summary>
    public static readonly TimeSpan ReadinessBound = TimeSpan.FromSeconds(2);

    /// <summary>Liveness never touches the store: it answers at once whatever the store does.</summary>
    public static readonly TimeSpan LiveBound = TimeSpan.FromSeconds(1);

    /// <summary>How long the API may take to serve ingest and queries again once a fault clears.</summary>
    public static readonly TimeSpan Recovery = TimeSpan.FromSeconds(20);

    /// <summary>The API on the PostgreSQL database of <paramref name="connectionString"/>, which it migrates at start.</summary>
    public static Task<ServingApi> OnPostgresAsync(string connectionString) => StartAsync(
        ("Firewall__Store__Provider", "postgres"), ("ConnectionStrings__Firewall", connectionString), ("Firewall__Store__MigrateOnStartup", "true"));

    /// <summary>The API on a SQLite file in <paramref name="dataPath"/> (instead of the data folder ServingApi makes, which stays unused).</summary>
    public static Task<ServingApi> OnSqliteAsync(string dataPath) => StartAsync(("Firewall__DataPath", dataPath));

    private static Task<ServingApi> StartAsync(params (string Name, string Value)[] store) => ServingApi.StartAsync(
        [.. store, ("Firewall__Store__RequestDeadline", Deadline.ToString("c", System.Globalization.CultureInfo.InvariantCulture)), .. Unlimited.Ingest, .. Unlimited.Queries]);
}

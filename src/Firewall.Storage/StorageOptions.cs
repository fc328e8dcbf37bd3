using System.ComponentModel.DataAnnotations;

namespace Firewall.Storage;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section <c>Firewall:Store</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Firewall:Store";

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>Apply migrations at start-up. Defaults to true on SQLite, false on PostgreSQL (a migration job runs them).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Events waiting for the batch writer before ingest answers 503.</summary>
    [Range(1, 1_000_000)]
    public int WriteQueueCapacity { get; set; } = 20_000;

    /// <summary>Most events written in one transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatchEvents { get; set; } = 2_000;

    /// <summary>
    /// Batches committing at once on PostgreSQL: with more than one, the next batch is inserted while the previous one
    /// waits for its commit's flush and its listeners. One by default: a second one showed no gain on the shared 2-core
    /// benchmark machine, where the API's CPU is the limit (bench/RESULTS.md). SQLite has one write lock: always one.
    /// </summary>
    [Range(1, 8)]
    public int Writers { get; set; } = 1;

    /// <summary>
    /// How long a request waits for the store (a commit, a query) before it is answered 503 with Retry-After: a hung or
    /// blackholed database must not hold requests, and agents retry a 503 (see docs/operations.md, "Deadlines").
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromSeconds(5);
}

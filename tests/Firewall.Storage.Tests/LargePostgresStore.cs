using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Tests;

/// <summary>
/// A PostgreSQL store with <see cref="Rows"/> events over <see cref="Days"/> days from <see cref="Start"/>, loaded in one
/// INSERT … SELECT (the fastest path), with a production-like skew of severities, then vacuumed and analysed, as the
/// maintenance service leaves a sealed day. One row in 500 is marked too wide for the covering index of list rows, so pages
/// read both partial indexes. Shared by a test class.
/// </summary>
public sealed class LargePostgresStore() : TestStore(StoreProvider.Postgres)
{
    public const int Rows = 200_000;
    public const int Days = 30;
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    // Of 1000 events: 400 informational, 250 low, 180 medium, 100 high, 50 critical, 20 fatal.
    // Daily partitions over the range first, as the maintenance service keeps them ahead in production.
    private const string LoadSql = """
        SELECT ensure_events_partition((d AT TIME ZONE 'UTC')::date) FROM generate_series({0}::timestamptz, {0}::timestamptz + ({1} - 1) * interval '1 day', interval '1 day') AS d;
        SELECT setseed(0.42);
        INSERT INTO events (event_id, occurred_at, received_at, agent_id, type, action, category, severity, risk_score,
                            findings, redactions, rule_set_version, fingerprint, in_list_index)
        SELECT gen_random_uuid(), t, t + interval '1 second', 'edge-' || (i % 40), (i % 9)::smallint, (i % 3)::smallint,
               (i % 10)::smallint, s, (s * 15)::int, '[]', 0, '2026.11.1', sha256(i::text::bytea), i % 500 <> 0
        FROM (SELECT i, {0}::timestamptz + random() * ({1} * interval '1 day') AS t,
                     CASE WHEN r < 400 THEN 1 WHEN r < 650 THEN 2 WHEN r < 830 THEN 3
                          WHEN r < 930 THEN 4 WHEN r < 980 THEN 5 ELSE 6 END::smallint AS s
              FROM (SELECT i, floor(random() * 1000)::int AS r FROM generate_series(1, {2}) AS i) AS draws) AS drawn;
        """;

    public IDbContextFactory<FirewallDbContext> Store => Contexts;

    protected override async Task SeedAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(1));
        await db.Database.ExecuteSqlRawAsync(LoadSql, Start.UtcDateTime, Days, Rows);
        // Alone: VACUUM cannot run in the load's implicit transaction. It sets the visibility map index-only scans rely on.
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) events");
        await db.Database.ExecuteSqlRawAsync("ANALYZE event_ids");
    }
}

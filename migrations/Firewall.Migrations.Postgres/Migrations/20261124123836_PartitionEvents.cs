using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firewall.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Partitions <c>events</c> by day of occurred_at, with a DEFAULT partition, and moves the eventId uniqueness to the
    /// <c>event_ids</c> gate table (docs/adr/003-partitions-and-idempotency.md). Raw SQL: EF Core does not model partitions,
    /// and the EF model keeps describing the table as the application sees it.
    /// </summary>
    public partial class PartitionEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE events RENAME TO events_unpartitioned;
                ALTER TABLE events_unpartitioned RENAME CONSTRAINT pk_events TO pk_events_unpartitioned;
                ALTER INDEX ix_events_severity_occurred_at_id RENAME TO ix_events_unpartitioned_severity_occurred_at_id;
                ALTER INDEX ux_events_event_id RENAME TO ux_events_unpartitioned_event_id;

                -- PostgreSQL 15 has no identity columns on partitioned tables: a sequence default instead.
                CREATE SEQUENCE events_row_id;
                CREATE TABLE events (LIKE events_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (occurred_at);
                ALTER TABLE events ALTER COLUMN id SET DEFAULT nextval('events_row_id');
                ALTER SEQUENCE events_row_id OWNED BY events.id;
                -- A unique constraint on a partitioned table must include the partition key.
                ALTER TABLE events ADD CONSTRAINT pk_events PRIMARY KEY (id, occurred_at);
                -- Created on the parent, so on every partition, present and future.
                CREATE INDEX ix_events_severity_occurred_at_id ON events (severity, occurred_at, id);
                -- Not unique (it cannot be): the batch writer's look-up of eventIds the gate refused.
                CREATE INDEX ix_events_event_id ON events (event_id);
                CREATE TABLE events_default PARTITION OF events DEFAULT;

                -- The idempotency gate: one row per stored eventId, written in the event's transaction.
                CREATE TABLE event_ids (
                    event_id uuid NOT NULL CONSTRAINT pk_event_ids PRIMARY KEY,
                    occurred_at timestamp with time zone NOT NULL);
                CREATE INDEX ix_event_ids_occurred_at ON event_ids (occurred_at);

                INSERT INTO events SELECT * FROM events_unpartitioned;
                INSERT INTO event_ids (event_id, occurred_at) SELECT event_id, occurred_at FROM events_unpartitioned;
                SELECT setval('events_row_id', coalesce((SELECT max(id) FROM events_unpartitioned), 0) + 1, false);
                DROP TABLE events_unpartitioned;

                -- Creates the partition of one UTC day unless it exists; rows of that day waiting in the default partition move in.
                CREATE FUNCTION ensure_events_partition(day date) RETURNS boolean LANGUAGE plpgsql AS $$
                DECLARE
                    name text := 'events_p' || to_char(day, 'YYYYMMDD');
                    low timestamptz := day::timestamp AT TIME ZONE 'UTC';
                    high timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('events partitions'));
                    IF to_regclass(name) IS NOT NULL THEN
                        RETURN false;
                    END IF;
                    CREATE TEMP TABLE events_moving ON COMMIT DROP AS
                        WITH moved AS (DELETE FROM events_default WHERE occurred_at >= low AND occurred_at < high RETURNING *)
                        SELECT * FROM moved;
                    EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)', name, low, high);
                    INSERT INTO events SELECT * FROM events_moving;
                    DROP TABLE events_moving;
                    RETURN true;
                END $$;

                -- Drops the daily partitions wholly before the cutoff, and trims the default partition, the gate and the rollup
                -- to it, in the caller's transaction: an eventId leaves the gate together with its event.
                CREATE FUNCTION apply_events_retention(cutoff timestamptz, cutoff_minute bigint) RETURNS int LANGUAGE plpgsql AS $$
                DECLARE
                    partition text;
                    dropped int := 0;
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('events partitions'));
                    FOR partition IN
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'events'::regclass AND c.relname ~ '^events_p[0-9]{8}$'
                          AND (to_date(substr(c.relname, 9), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC' <= cutoff
                    LOOP
                        EXECUTE format('DROP TABLE %I', partition);
                        dropped := dropped + 1;
                    END LOOP;
                    DELETE FROM events_default WHERE occurred_at < cutoff;
                    DELETE FROM event_ids WHERE occurred_at < cutoff;
                    DELETE FROM event_counts WHERE minute < cutoff_minute;
                    RETURN dropped;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION apply_events_retention(timestamptz, bigint);
                DROP FUNCTION ensure_events_partition(date);
                CREATE TABLE events_unpartitioned (LIKE events);
                ALTER TABLE events_unpartitioned ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
                INSERT INTO events_unpartitioned SELECT * FROM events;
                SELECT setval(pg_get_serial_sequence('events_unpartitioned', 'id'), coalesce(max(id), 0) + 1, false) FROM events_unpartitioned;
                DROP TABLE events;
                DROP TABLE event_ids;
                ALTER TABLE events_unpartitioned RENAME TO events;
                ALTER TABLE events ADD CONSTRAINT pk_events PRIMARY KEY (id);
                CREATE INDEX ix_events_severity_occurred_at_id ON events (severity, occurred_at, id);
                CREATE UNIQUE INDEX ux_events_event_id ON events (event_id);
                """);
        }
    }
}

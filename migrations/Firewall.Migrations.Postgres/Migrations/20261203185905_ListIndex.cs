using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firewall.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Pages from the index alone (issue 12, lever 6; docs/architecture.md, Storage): <c>ix_events_list</c> covers every list
    /// column of the rows whose list columns fit a btree tuple (<c>in_list_index</c>, set by ListIndex when written); it
    /// replaces <c>ix_events_severity_occurred_at_id</c>, and the others, rare, are found by <c>ix_events_wide_occurred_at_id</c>
    /// (partial, in time order), so every row is in exactly one of the two. Raw SQL, as the partitions are: the EF model
    /// keeps describing the SQLite index. The backfill rewrites every row once.
    /// </summary>
    public partial class ListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "in_list_index",
                table: "events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // ListIndex.Fits in SQL: the list columns' UTF-8 bytes, uncompressed, within ListIndex.TextBudgetBytes. The default
            // is dropped so that a writer that forgets the column fails instead of hiding rows from the covering index.
            migrationBuilder.Sql("""
                UPDATE events SET in_list_index =
                    coalesce(octet_length(agent_id), 0) + coalesce(octet_length(model), 0) + coalesce(octet_length(source_ip), 0)
                    + coalesce(octet_length(source_user_id), 0) + coalesce(octet_length(source_session_id), 0)
                    + coalesce(octet_length(message), 0) + coalesce(octet_length(content_excerpt), 0)
                    + coalesce(octet_length(attributes), 0) + coalesce(octet_length(findings), 0)
                    + coalesce(octet_length(rule_set_version), 0) + coalesce(octet_length(detector_model_version), 0) <= 2400;
                ALTER TABLE events ALTER COLUMN in_list_index DROP DEFAULT;
                DROP INDEX ix_events_severity_occurred_at_id;
                CREATE INDEX ix_events_list ON events (severity, occurred_at, id)
                    INCLUDE (event_id, received_at, agent_id, type, action, category, agent_severity, risk_score, confidence, model,
                             source_ip, source_user_id, source_session_id, message, content_excerpt, content_truncated, attributes,
                             findings, redactions, rule_set_version, detector_model_version)
                    WHERE in_list_index;
                CREATE INDEX ix_events_wide_occurred_at_id ON events (occurred_at, id) WHERE NOT in_list_index;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_events_list;
                DROP INDEX ix_events_wide_occurred_at_id;
                CREATE INDEX ix_events_severity_occurred_at_id ON events (severity, occurred_at, id);
                """);

            migrationBuilder.DropColumn(
                name: "in_list_index",
                table: "events");
        }
    }
}

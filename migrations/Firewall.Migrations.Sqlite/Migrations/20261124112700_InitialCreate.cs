using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firewall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "event_counts",
                columns: table => new
                {
                    minute = table.Column<long>(type: "INTEGER", nullable: false),
                    severity = table.Column<short>(type: "INTEGER", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_counts", x => new { x.minute, x.severity });
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    agent_id = table.Column<string>(type: "TEXT", nullable: false),
                    type = table.Column<short>(type: "INTEGER", nullable: false),
                    action = table.Column<short>(type: "INTEGER", nullable: false),
                    category = table.Column<short>(type: "INTEGER", nullable: false),
                    severity = table.Column<short>(type: "INTEGER", nullable: false),
                    agent_severity = table.Column<short>(type: "INTEGER", nullable: true),
                    risk_score = table.Column<int>(type: "INTEGER", nullable: false),
                    confidence = table.Column<double>(type: "REAL", nullable: true),
                    model = table.Column<string>(type: "TEXT", nullable: true),
                    source_ip = table.Column<string>(type: "TEXT", nullable: true),
                    source_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    source_session_id = table.Column<string>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", nullable: true),
                    content = table.Column<string>(type: "TEXT", nullable: true),
                    attributes = table.Column<string>(type: "TEXT", nullable: true),
                    findings = table.Column<string>(type: "TEXT", nullable: false),
                    redactions = table.Column<int>(type: "INTEGER", nullable: false),
                    rule_set_version = table.Column<string>(type: "TEXT", nullable: false),
                    fingerprint = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_severity_occurred_at_id",
                table: "events",
                columns: new[] { "severity", "occurred_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_events_event_id",
                table: "events",
                column: "event_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_counts");

            migrationBuilder.DropTable(
                name: "events");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firewall.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HourlyEventCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "event_counts_hourly",
                columns: table => new
                {
                    hour = table.Column<long>(type: "INTEGER", nullable: false),
                    severity = table.Column<short>(type: "INTEGER", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_counts_hourly", x => new { x.hour, x.severity });
                });

            // Stores that already hold events: the hourly rollup starts as the sum of the per-minute one.
            migrationBuilder.Sql("INSERT INTO event_counts_hourly (hour, severity, \"count\") SELECT minute / 60, severity, sum(\"count\") FROM event_counts GROUP BY minute / 60, severity;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_counts_hourly");
        }
    }
}

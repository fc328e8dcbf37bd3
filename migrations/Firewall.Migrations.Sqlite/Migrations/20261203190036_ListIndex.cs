using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firewall.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The model's <c>in_list_index</c> flag (ListIndex), filled for the events stored before it. SQLite only stores it: its
    /// index has no tuple-size limit and its pages are not split by it; PostgreSQL's covering index is (issue 12, lever 6).
    /// </summary>
    public partial class ListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "in_list_index",
                table: "events",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""
                UPDATE events SET in_list_index =
                    coalesce(length(CAST(agent_id AS BLOB)), 0) + coalesce(length(CAST(model AS BLOB)), 0)
                    + coalesce(length(CAST(source_ip AS BLOB)), 0) + coalesce(length(CAST(source_user_id AS BLOB)), 0)
                    + coalesce(length(CAST(source_session_id AS BLOB)), 0) + coalesce(length(CAST(message AS BLOB)), 0)
                    + coalesce(length(CAST(content_excerpt AS BLOB)), 0) + coalesce(length(CAST(attributes AS BLOB)), 0)
                    + coalesce(length(CAST(findings AS BLOB)), 0) + coalesce(length(CAST(rule_set_version AS BLOB)), 0)
                    + coalesce(length(CAST(detector_model_version AS BLOB)), 0) <= 2400;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "in_list_index",
                table: "events");
        }
    }
}

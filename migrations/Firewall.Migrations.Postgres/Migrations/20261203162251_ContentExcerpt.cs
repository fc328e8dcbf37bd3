using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Firewall.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The stored excerpt that list rows carry instead of the content (docs/API.md, "Page shape"), filled for the events
    /// stored before it; left() counts characters (code points), as ContentExcerpt does.
    /// </summary>
    public partial class ContentExcerpt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "content_excerpt",
                table: "events",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "content_truncated",
                table: "events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE events SET content_excerpt = left(content, 256), content_truncated = char_length(content) > 256 WHERE content IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content_excerpt",
                table: "events");

            migrationBuilder.DropColumn(
                name: "content_truncated",
                table: "events");
        }
    }
}

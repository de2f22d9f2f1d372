using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RollupSnapshots_Level_ScopeId_ComputedAt",
                table: "RollupSnapshots");

            migrationBuilder.DropColumn(
                name: "BreakdownsJson",
                table: "RollupSnapshots");

            migrationBuilder.AlterColumn<int>(
                name: "ScopeId",
                table: "RollupSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DutiesDoneOnTime",
                table: "RollupSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Voters",
                table: "RollupSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "CompletedOnTime",
                table: "Duties",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RollupBreakdowns",
                columns: table => new
                {
                    SnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupBreakdowns", x => new { x.SnapshotId, x.Kind, x.Key });
                    table.ForeignKey(
                        name: "FK_RollupBreakdowns_RollupSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "RollupSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RollupMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NeighbourhoodId = table.Column<int>(type: "INTEGER", nullable: false),
                    Claimed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupMarks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RollupSnapshots_ComputedAt",
                table: "RollupSnapshots",
                column: "ComputedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RollupSnapshots_Level_ScopeId_ComputedAt",
                table: "RollupSnapshots",
                columns: new[] { "Level", "ScopeId", "ComputedAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RollupMarks_Claimed",
                table: "RollupMarks",
                column: "Claimed");

            migrationBuilder.CreateIndex(
                name: "IX_RollupMarks_NeighbourhoodId",
                table: "RollupMarks",
                column: "NeighbourhoodId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RollupBreakdowns");

            migrationBuilder.DropTable(
                name: "RollupMarks");

            migrationBuilder.DropIndex(
                name: "IX_RollupSnapshots_ComputedAt",
                table: "RollupSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_RollupSnapshots_Level_ScopeId_ComputedAt",
                table: "RollupSnapshots");

            migrationBuilder.DropColumn(
                name: "DutiesDoneOnTime",
                table: "RollupSnapshots");

            migrationBuilder.DropColumn(
                name: "Voters",
                table: "RollupSnapshots");

            migrationBuilder.DropColumn(
                name: "CompletedOnTime",
                table: "Duties");

            migrationBuilder.AlterColumn<int>(
                name: "ScopeId",
                table: "RollupSnapshots",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "BreakdownsJson",
                table: "RollupSnapshots",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_RollupSnapshots_Level_ScopeId_ComputedAt",
                table: "RollupSnapshots",
                columns: new[] { "Level", "ScopeId", "ComputedAt" });
        }
    }
}

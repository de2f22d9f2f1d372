using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CountRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AutoPublishResults",
                table: "Provinces",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RoundCounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxRanks = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<long>(type: "INTEGER", nullable: true),
                    OnlineBallots = table.Column<int>(type: "INTEGER", nullable: false),
                    PaperBallots = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CodeVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundCounts_PriorityRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PriorityRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundRecounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agrees = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecountedSha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Differences = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundRecounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundRecounts_PriorityRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PriorityRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundCounts_RoundId",
                table: "RoundCounts",
                column: "RoundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundRecounts_RoundId_At",
                table: "RoundRecounts",
                columns: new[] { "RoundId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoundCounts");

            migrationBuilder.DropTable(
                name: "RoundRecounts");

            migrationBuilder.DropColumn(
                name: "AutoPublishResults",
                table: "Provinces");
        }
    }
}

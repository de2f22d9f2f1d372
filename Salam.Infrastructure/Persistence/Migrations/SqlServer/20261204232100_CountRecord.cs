using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RoundCounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    Method = table.Column<int>(type: "int", nullable: false),
                    MaxRanks = table.Column<int>(type: "int", nullable: false),
                    Budget = table.Column<long>(type: "bigint", nullable: true),
                    OnlineBallots = table.Column<int>(type: "int", nullable: false),
                    PaperBallots = table.Column<int>(type: "int", nullable: false),
                    Sha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    CodeVersion = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CountedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Details = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ByUserId = table.Column<int>(type: "int", nullable: true),
                    By = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Agrees = table.Column<bool>(type: "bit", nullable: false),
                    RecountedSha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Differences = table.Column<string>(type: "nvarchar(max)", nullable: false)
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

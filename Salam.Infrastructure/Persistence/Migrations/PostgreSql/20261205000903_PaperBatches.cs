using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PaperBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PaperBatchId",
                table: "Ballots",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PaperBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    DeclaredSheets = table.Column<int>(type: "integer", nullable: false),
                    EnteredSheets = table.Column<int>(type: "integer", nullable: false),
                    OpenedByUserId = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CountersignedByUserId = table.Column<int>(type: "integer", nullable: true),
                    CountersignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperBatches_PriorityRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "PriorityRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_PaperBatchId",
                table: "Ballots",
                column: "PaperBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperBatches_RoundId_Status",
                table: "PaperBatches",
                columns: new[] { "RoundId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_Ballots_PaperBatches_PaperBatchId",
                table: "Ballots",
                column: "PaperBatchId",
                principalTable: "PaperBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Ballots_PaperBatches_PaperBatchId",
                table: "Ballots");

            migrationBuilder.DropTable(
                name: "PaperBatches");

            migrationBuilder.DropIndex(
                name: "IX_Ballots_PaperBatchId",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "PaperBatchId",
                table: "Ballots");
        }
    }
}

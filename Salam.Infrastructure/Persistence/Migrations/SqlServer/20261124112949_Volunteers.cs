using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Volunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "Volunteers",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Placements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VolunteerId = table.Column<int>(type: "int", nullable: false),
                    NeighbourhoodId = table.Column<int>(type: "int", nullable: false),
                    DutyId = table.Column<int>(type: "int", nullable: true),
                    NeedId = table.Column<int>(type: "int", nullable: true),
                    PlacedByUserId = table.Column<int>(type: "int", nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placements", x => x.Id);
                    table.CheckConstraint("CK_Placements_OneTarget", "(\"DutyId\" IS NULL AND \"NeedId\" IS NOT NULL) OR (\"DutyId\" IS NOT NULL AND \"NeedId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Placements_Duties_DutyId",
                        column: x => x.DutyId,
                        principalTable: "Duties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Neighbourhoods_NeighbourhoodId",
                        column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VolunteerId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<int>(type: "int", nullable: true),
                    To = table.Column<int>(type: "int", nullable: false),
                    ByUserId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerStatusChanges_Volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_DutyId",
                table: "Placements",
                column: "DutyId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_NeedId",
                table: "Placements",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_NeighbourhoodId",
                table: "Placements",
                column: "NeighbourhoodId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_VolunteerId_DutyId",
                table: "Placements",
                columns: new[] { "VolunteerId", "DutyId" },
                unique: true,
                filter: "\"DutyId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_VolunteerId_NeedId",
                table: "Placements",
                columns: new[] { "VolunteerId", "NeedId" },
                unique: true,
                filter: "\"NeedId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerStatusChanges_VolunteerId_At",
                table: "VolunteerStatusChanges",
                columns: new[] { "VolunteerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Placements");

            migrationBuilder.DropTable(
                name: "VolunteerStatusChanges");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "Volunteers");
        }
    }
}

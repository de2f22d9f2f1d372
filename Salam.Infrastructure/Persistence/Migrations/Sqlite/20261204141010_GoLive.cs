using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GoLive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_NeighbourhoodId",
                table: "Residents");

            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "Residents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DecidedByUserId",
                table: "Residents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "Residents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Residents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Provinces",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Neighbourhoods",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Neighbourhoods",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Counties",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Counties",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDisabled",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Agencies",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            // Places made before codes existed get one from their id, so the unique indexes below hold; an import renames by code.
            migrationBuilder.Sql("UPDATE \"Counties\" SET \"Code\" = 'C' || \"Id\" WHERE \"Code\" = '';");
            migrationBuilder.Sql("UPDATE \"Neighbourhoods\" SET \"Code\" = 'N' || \"Id\" WHERE \"Code\" = '';");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_NeighbourhoodId_Status_RegisteredAt",
                table: "Residents",
                columns: new[] { "NeighbourhoodId", "Status", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Neighbourhoods_Code",
                table: "Neighbourhoods",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Counties_Code",
                table: "Counties",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_NeighbourhoodId_Status_RegisteredAt",
                table: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Neighbourhoods_Code",
                table: "Neighbourhoods");

            migrationBuilder.DropIndex(
                name: "IX_Counties_Code",
                table: "Counties");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Provinces");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Neighbourhoods");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Neighbourhoods");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Counties");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Counties");

            migrationBuilder.DropColumn(
                name: "IsDisabled",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Agencies");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_NeighbourhoodId",
                table: "Residents",
                column: "NeighbourhoodId");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.SqlServer
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "Residents",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DecidedByUserId",
                table: "Residents",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "Residents",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Residents",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Provinces",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(8)",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Provinces",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Neighbourhoods",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Neighbourhoods",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Counties",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Counties",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDisabled",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Agencies",
                type: "bit",
                nullable: false,
                defaultValue: true);

            // Places made before codes existed get one from their id, so the unique indexes below hold; an import renames by code.
            // Through EXEC: the idempotent script is one batch, compiled before the columns above exist.
            migrationBuilder.Sql("EXEC(N'UPDATE [Counties] SET [Code] = CONCAT(N''C'', [Id]) WHERE [Code] = N''''');");
            migrationBuilder.Sql("EXEC(N'UPDATE [Neighbourhoods] SET [Code] = CONCAT(N''N'', [Id]) WHERE [Code] = N''''');");

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

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Provinces",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(20)",
                oldMaxLength: 20);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_NeighbourhoodId",
                table: "Residents",
                column: "NeighbourhoodId");
        }
    }
}

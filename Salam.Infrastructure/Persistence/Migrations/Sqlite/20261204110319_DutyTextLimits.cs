using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DutyTextLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite never enforced the columns' lengths, so a database may hold longer text (a 1.9 MB note was stored).
            // The checks below rebuild the tables by copying every row, which would fail on such a row: cut it first to
            // the limit, its last character an ellipsis so a reader sees it was cut. This is what SQL Server's
            // nvarchar(n) columns have always held, so both providers end with the same data.
            migrationBuilder.Sql(Cut("DutyUpdates", "Note", 1000));
            migrationBuilder.Sql(Cut("Duties", "Reason", 1000));
            migrationBuilder.Sql(Cut("Duties", "Title", 200));
            migrationBuilder.Sql(Cut("Duties", "Description", 2000));

            migrationBuilder.AddCheckConstraint(
                name: "CK_DutyUpdates_Note_Length",
                table: "DutyUpdates",
                sql: "length(\"Note\") <= 1000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Duties_Description_Length",
                table: "Duties",
                sql: "length(\"Description\") <= 2000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Duties_Reason_Length",
                table: "Duties",
                sql: "length(\"Reason\") <= 1000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Duties_Title_Length",
                table: "Duties",
                sql: "length(\"Title\") <= 200");
        }

        private static string Cut(string table, string column, int max) =>
            $"UPDATE \"{table}\" SET \"{column}\" = substr(\"{column}\", 1, {max - 1}) || '…' WHERE length(\"{column}\") > {max};";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_DutyUpdates_Note_Length",
                table: "DutyUpdates");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Duties_Description_Length",
                table: "Duties");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Duties_Reason_Length",
                table: "Duties");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Duties_Title_Length",
                table: "Duties");
        }
    }
}

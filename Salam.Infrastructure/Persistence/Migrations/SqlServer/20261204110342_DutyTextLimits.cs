using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DutyTextLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to change: on SQL Server the duty texts have been nvarchar(200/2000/1000) since Initial, which
            // refuses longer text, so no longer data can exist. The length checks are SQLite's (see SqliteTextLimits);
            // this migration keeps the two providers' migration lists alike.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PublicAccountability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CompletionsConfirmed",
                table: "RollupSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CompletionsDisputed",
                table: "RollupSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CompletionsUnanswered",
                table: "RollupSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CompletionRound",
                table: "Duties",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CompletionChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DutyId = table.Column<int>(type: "int", nullable: false),
                    CompletionRound = table.Column<int>(type: "int", nullable: false),
                    ResidentId = table.Column<int>(type: "int", nullable: false),
                    Answer = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletionChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompletionChecks_Duties_DutyId",
                        column: x => x.DutyId,
                        principalTable: "Duties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CompletionChecks_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SuccessStories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NeighbourhoodId = table.Column<int>(type: "int", nullable: false),
                    ProvinceId = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    DutyId = table.Column<int>(type: "int", nullable: true),
                    MeetingDecisionId = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ReturnReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Featured = table.Column<bool>(type: "bit", nullable: false),
                    AuthorUserId = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ApprovedByUserId = table.Column<int>(type: "int", nullable: true),
                    FeaturedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuccessStories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuccessStories_Duties_DutyId",
                        column: x => x.DutyId,
                        principalTable: "Duties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SuccessStories_MeetingDecisions_MeetingDecisionId",
                        column: x => x.MeetingDecisionId,
                        principalTable: "MeetingDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SuccessStories_Neighbourhoods_NeighbourhoodId",
                        column: x => x.NeighbourhoodId,
                        principalTable: "Neighbourhoods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SuccessStories_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SuccessStoryPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StoryId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Jpeg = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Width = table.Column<int>(type: "int", nullable: false),
                    Height = table.Column<int>(type: "int", nullable: false),
                    AltText = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuccessStoryPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuccessStoryPhotos_SuccessStories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "SuccessStories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompletionChecks_DutyId_CompletionRound_ResidentId",
                table: "CompletionChecks",
                columns: new[] { "DutyId", "CompletionRound", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompletionChecks_ResidentId",
                table: "CompletionChecks",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_DutyId",
                table: "SuccessStories",
                column: "DutyId");

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_MeetingDecisionId",
                table: "SuccessStories",
                column: "MeetingDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_NeighbourhoodId_Status",
                table: "SuccessStories",
                columns: new[] { "NeighbourhoodId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_ProvinceId_Status",
                table: "SuccessStories",
                columns: new[] { "ProvinceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_Status_Featured_ApprovedAt",
                table: "SuccessStories",
                columns: new[] { "Status", "Featured", "ApprovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStoryPhotos_StoryId_Position",
                table: "SuccessStoryPhotos",
                columns: new[] { "StoryId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompletionChecks");

            migrationBuilder.DropTable(
                name: "SuccessStoryPhotos");

            migrationBuilder.DropTable(
                name: "SuccessStories");

            migrationBuilder.DropColumn(
                name: "CompletionsConfirmed",
                table: "RollupSnapshots");

            migrationBuilder.DropColumn(
                name: "CompletionsDisputed",
                table: "RollupSnapshots");

            migrationBuilder.DropColumn(
                name: "CompletionsUnanswered",
                table: "RollupSnapshots");

            migrationBuilder.DropColumn(
                name: "CompletionRound",
                table: "Duties");
        }
    }
}

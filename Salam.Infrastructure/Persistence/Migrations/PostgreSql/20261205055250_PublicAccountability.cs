using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Salam.Infrastructure.Persistence.Migrations.PostgreSql
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CompletionsDisputed",
                table: "RollupSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CompletionsUnanswered",
                table: "RollupSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CompletionRound",
                table: "Duties",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CompletionChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DutyId = table.Column<int>(type: "integer", nullable: false),
                    CompletionRound = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NeighbourhoodId = table.Column<int>(type: "integer", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DutyId = table.Column<int>(type: "integer", nullable: true),
                    MeetingDecisionId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Featured = table.Column<bool>(type: "boolean", nullable: false),
                    AuthorUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedByUserId = table.Column<int>(type: "integer", nullable: true),
                    FeaturedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StoryId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Jpeg = table.Column<byte[]>(type: "bytea", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    AltText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

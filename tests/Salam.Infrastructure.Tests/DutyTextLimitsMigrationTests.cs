using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Salam.Domain.Duties;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Infrastructure.Tests;

/// <summary>
/// SQLite never enforced the duty texts' lengths, so a live database may hold a 1.9 MB note. The migration that adds the
/// length checks must not fail on it: it cuts such text to the limit, and from then on the database refuses longer text.
/// </summary>
public sealed class DutyTextLimitsMigrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_database_holding_duty_texts_longer_than_the_limits_migrates_and_keeps_them_cut_to_the_limits()
    {
        using var file = new TestDatabase();
        await using var db = new SqliteSalamDbContext(new DbContextOptionsBuilder<SqliteSalamDbContext>().UseSqlite(file.ConnectionString).Options);
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_DutyTextLimits", StringComparison.Ordinal)) - 1]);
        var dutyId = await BlockedDutyAsync(db);
        // What SQLite let through before: a 1.9 MB note (950,000 two-byte characters) and over-long reason, title and description.
        var huge = new string('ن', 950_000);
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"DutyUpdates\" SET \"Note\" = {huge} WHERE \"DutyId\" = {dutyId}");
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Duties\" SET \"Reason\" = {huge}, \"Title\" = {new string('ع', 300)}, \"Description\" = {new string('ش', 3000)} WHERE \"Id\" = {dutyId}");

        await db.Database.MigrateAsync();

        db.ChangeTracker.Clear();
        var duty = await db.Duties.AsNoTracking().Include(d => d.Updates).SingleAsync(d => d.Id == dutyId);
        Assert.Equal(3, duty.Updates.Count);
        Assert.All(duty.Updates, u => Assert.Equal(Duty.MaxNoteLength, u.Note!.Length));
        Assert.All(duty.Updates, u => Assert.Equal(new string('ن', Duty.MaxNoteLength - 1) + "…", u.Note));
        Assert.Equal((Duty.MaxNoteLength, Duty.MaxTitleLength, Duty.MaxDescriptionLength), (duty.Reason!.Length, duty.Title.Length, duty.Description.Length));
        Assert.EndsWith("…", duty.Title);
        Assert.Equal(DutyStatus.Blocked, duty.Status);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"DutyUpdates\" SET \"Note\" = {new string('ن', Duty.MaxNoteLength + 1)} WHERE \"DutyId\" = {dutyId}"));
        Assert.Contains("CK_DutyUpdates_Note_Length", refused.Message);
        Assert.Equal(Duty.MaxNoteLength, await db.DutyUpdates.Where(u => u.DutyId == dutyId).MaxAsync(u => u.Note!.Length));
    }

    /// <summary>
    /// A duty as the app wrote it then: assigned, accepted, blocked with a reason; three timeline entries. Inserted as rows in the
    /// columns that schema has: today's model would also write columns (and audit entries) this older schema does not have yet.
    /// </summary>
    private static async Task<int> BlockedDutyAsync(SalamDbContext db)
    {
        var at = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(Now)!;
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Provinces" ("Id", "Code", "NameFa", "NameEn") VALUES (1, 'L1', 'استان', 'Province');
            INSERT INTO "Counties" ("Id", "ProvinceId", "NameFa", "NameEn") VALUES (1, 1, 'شهرستان', 'County');
            INSERT INTO "Neighbourhoods" ("Id", "CountyId", "CentreId", "NameFa", "NameEn") VALUES (1, 1, NULL, 'محله', 'Place');
            INSERT INTO "Agencies" ("Id", "NameFa", "NameEn", "Kind", "ProvinceId") VALUES (1, 'دستگاه', 'Agency', 4, NULL);
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Duties" ("Id", "AgencyId", "NeighbourhoodId", "NeedId", "Title", "Description", "DueDate", "AssignedAt", "CompletedAt",
                "CompletedOnTime", "Status", "PercentComplete", "Reason", "Version", "OverdueSince")
            VALUES (1, 1, 1, NULL, 'وظیفه', '', '2026-03-20', {at}, NULL, 0, {(int)DutyStatus.Blocked}, 0, 'منتظر اعتبار', {Guid.NewGuid().ToString().ToUpperInvariant()}, NULL)
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "DutyUpdates" ("DutyId", "ByUserId", "At", "From", "To", "Percent", "Note") VALUES
                (1, 1, {at}, NULL, {(int)DutyStatus.Assigned}, 0, NULL),
                (1, 1, {at}, {(int)DutyStatus.Assigned}, {(int)DutyStatus.Accepted}, 0, NULL),
                (1, 1, {at}, {(int)DutyStatus.Accepted}, {(int)DutyStatus.Blocked}, 0, 'منتظر اعتبار')
            """);
        return 1;
    }
}

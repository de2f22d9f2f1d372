using Microsoft.EntityFrameworkCore;
using Salam.Domain.Campaigns;
using Salam.Domain.Duties;
using Salam.Domain.Shifts;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Infrastructure.Tests;

public sealed class DemoDataTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_second_start_adds_nothing()
    {
        var before = await CountsAsync();
        await _app.Services.InitialiseDatabaseAsync();
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_demo_country_has_what_the_readme_promises()
    {
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);
        await _app.ReadAsync(async db =>
        {
            Assert.Equal(["Mazandaran", "Qom", "Tehran", "West Azerbaijan"], await db.Provinces.Select(p => p.NameEn).OrderBy(n => n).ToListAsync());
            Assert.True(await db.Neighbourhoods.AnyAsync(n => n.NameFa == "پردیسان" && n.County!.Province!.NameEn == "Qom"));
            Assert.Equal(Enum.GetValues<NeedStatus>().Order(), (await db.Needs.Select(n => n.Status).Distinct().ToListAsync()).Order());
            Assert.Equal(Enum.GetValues<AgencyKind>().Order(), (await db.Agencies.Select(a => a.Kind).Distinct().ToListAsync()).Order());
            Assert.Equal(Enum.GetValues<DutyStatus>().Order(), (await db.Duties.Select(d => d.Status).Distinct().ToListAsync()).Order());
            Assert.True(await db.Duties.AnyAsync(d => d.DueDate < today && d.Status != DutyStatus.Done && d.Status != DutyStatus.Declined), "some duties are overdue");
            Assert.True(await db.PriorityRounds.AnyAsync(r => r.Status == RoundStatus.Open && db.Ballots.Any(b => b.RoundId == r.Id)), "an open round with ballots");
            Assert.True(await db.PriorityRounds.AnyAsync(r => r.Status == RoundStatus.Published && r.Results.Any() && db.RoundCounts.Any(c => c.RoundId == r.Id)),
                "a published round with results and its count record");
            Assert.True(await db.Ballots.AnyAsync(b => b.Channel == BallotChannel.Paper && b.EnteredByUserId != null), "paper ballots entered by a facilitator");
            Assert.Equal(Enum.GetValues<VolunteerStatus>().Order(), (await db.Volunteers.Select(v => v.Status).Distinct().ToListAsync()).Order());
            Assert.Equal(DemoDataSeeder.StaffAccounts.Select(a => a.UserName).Order(), await db.Users.Select(u => u.UserName!).OrderBy(n => n).ToListAsync());
            Assert.True(await db.Residents.AnyAsync(r => r.Mobile == DemoDataSeeder.FirstResidentMobile));
            // The campaign's ledger holds a donation in every state, an allocation of each status; a past shift with attendance and one to come.
            Assert.True(await db.Campaigns.AnyAsync(c => c.Name == DemoDataSeeder.DemoCampaignName));
            Assert.Equal(Enum.GetValues<DonationStatus>().Order(), (await db.Donations.Select(d => d.Status).Distinct().ToListAsync()).Order());
            Assert.Equal(Enum.GetValues<AllocationStatus>().Order(), (await db.Allocations.Select(a => a.Status).Distinct().ToListAsync()).Order());
            Assert.Equal(Enum.GetValues<Attendance>().Order(), (await db.ShiftBookings.Select(b => b.Attendance).Distinct().ToListAsync()).Order());
            var now = _app.Clock.GetUtcNow();
            Assert.True(await db.Shifts.AnyAsync(s => s.AttendanceRecordedAt != null), "a past shift with its attendance");
            Assert.True((await db.Shifts.Select(s => s.StartsAt).ToListAsync()).Any(s => s > now), "a shift to come");
            // The first roll-up counted them: Qom received and gave out rials, and its volunteers' minutes.
            var qom = await db.Provinces.Where(p => p.NameEn == "Qom").Select(p => p.Id).SingleAsync();
            var snapshot = await db.RollupSnapshots.SingleAsync(s => s.Level == Domain.Reports.RollupLevel.Province && s.ScopeId == qom);
            Assert.Equal((62_000_000L, 42_000_000L, 12_000_000L, 210), (snapshot.DonationsReceivedRials, snapshot.DonationsAllocatedRials, snapshot.DonationsDeliveredRials, snapshot.VolunteerMinutes));
            return true;
        });
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_ballot_by_one_resident_in_one_round()
    {
        var ballotId = await _app.ReadAsync(db => db.Ballots.Select(b => b.Id).FirstAsync());
        var before = await _app.ReadAsync(db => db.Ballots.CountAsync());

        // A copy of a stored ballot's row, in SQL every provider shares; the provider's own reading of the error must call it a unique violation.
        var refused = await _app.ReadAsync(async db =>
        {
            var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Ballots" ("RoundId", "ResidentId", "Channel", "SubmittedAt")
                SELECT "RoundId", "ResidentId", "Channel", "SubmittedAt" FROM "Ballots" WHERE "Id" = {ballotId}
                """));
            return db.IsUniqueViolation(new DbUpdateException(error.Message, error));
        });

        Assert.True(refused);
        Assert.Equal(before, await _app.ReadAsync(db => db.Ballots.CountAsync()));
    }

    private Task<(int, int, int, int, int, int)> CountsAsync() => _app.ReadAsync(async (SalamDbContext db) => (
        await db.Provinces.CountAsync(), await db.Residents.CountAsync(), await db.Needs.CountAsync(),
        await db.Ballots.CountAsync(), await db.Duties.CountAsync(), await db.Users.CountAsync()));
}

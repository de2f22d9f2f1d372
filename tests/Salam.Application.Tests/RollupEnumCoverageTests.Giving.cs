using Microsoft.EntityFrameworkCore;
using Salam.Domain.Campaigns;
using Salam.Domain.Common;
using Salam.Domain.Geography;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Shifts;
using Salam.Infrastructure.Persistence;

namespace Salam.Application.Tests;

/// <summary>
/// The campaigns' and shifts' enums: a cash donation in every status, a received gift of every kind, goods of every item given
/// out and delivered; a shift of every skill (and of any skill) with ten attended minutes, and a booking in every attendance.
/// </summary>
public sealed partial class RollupEnumCoverageTests
{
    private static readonly DonationStatus[] DonationStatuses = Enum.GetValues<DonationStatus>();
    private static readonly DonationKind[] DonationKinds = Enum.GetValues<DonationKind>();
    private static readonly AidItem[] Items = Enum.GetValues<AidItem>();
    private static readonly Attendance[] Attendances = Enum.GetValues<Attendance>();
    private static readonly VolunteerSkill[] ShiftSkills = [VolunteerSkill.None, .. VolunteerFlags.Skills];
    private const long Cash = 1_000, Gift = 100;
    private const int Minutes = 10;

    private static void AssertGiving(RollupSnapshot s)
    {
        long Breakdown(BreakdownKind kind, int key) => s.Breakdowns.Where(b => b.Kind == kind && b.Key == key).Sum(b => b.Value);
        var national = s.Level == RollupLevel.National;
        // Received: the cash in hand (received, allocated, delivered) and the gifts in rials (cash, vow), at the nation only.
        var inHand = DonationStatuses.Count(d => d is DonationStatus.Received or DonationStatus.Allocated or DonationStatus.Delivered);
        Assert.Equal(national ? inHand * Cash + DonationKinds.Count(k => k is DonationKind.Cash or DonationKind.Vow) * Gift : 0, s.DonationsReceivedRials);
        Assert.Equal(DonationStatuses.Count(d => d is DonationStatus.Allocated or DonationStatus.Delivered) * Cash, s.DonationsAllocatedRials);
        Assert.Equal(DonationStatuses.Count(d => d == DonationStatus.Delivered) * Cash, s.DonationsDeliveredRials);
        Assert.All(Items, item =>
        {
            Assert.Equal(national ? 1 + (item == Items[0] ? (int)Gift : 0) : 0, Breakdown(BreakdownKind.ItemsReceived, (int)item));
            Assert.Equal((1, 1), (Breakdown(BreakdownKind.ItemsAllocated, (int)item), Breakdown(BreakdownKind.ItemsDelivered, (int)item)));
        });
        Assert.Equal(ShiftSkills.Length * Minutes, s.VolunteerMinutes);
        Assert.All(ShiftSkills, skill => Assert.Equal(Minutes, Breakdown(BreakdownKind.VolunteerMinutesSkill, (int)skill)));
    }

    private async Task BuildGivingAsync(SalamDbContext db, int provinceId, int placeId)
    {
        var centre = new Centre(provinceId, "مرکز", "Centre", "نشانی");
        db.Centres.Add(centre);
        await db.SaveChangesAsync();
        var campaign = new Campaign("کارزار", "", DueOn(0), DueOn(30), CampaignScope.National, null, null, [], 1_000_000, [], [centre.Id], 1, T0);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var receipt = 0;
        Donation Received(DonationKind kind, long amount, AidItem? item) => Donation.Receipt(campaign, centre.Id, provinceId, DonorKind.Company, "شرکت", false,
            kind, item, amount, $"E-{++receipt}", DueOn(0), 1, T0);
        var cash = DonationStatuses.Select(status => (status, donation: status == DonationStatus.Pledged || status == DonationStatus.Cancelled
            ? Donation.Pledge(campaign, centre.Id, provinceId, DonorKind.Individual, "نیکوکار", true, DonationKind.Cash, null, Cash, DueOn(0), 1, T0)
            : Received(DonationKind.Cash, Cash, null))).ToList();
        var kinds = DonationKinds.Select(kind => Received(kind, Gift, kind == DonationKind.InKind ? Items[0] : null)).ToList();
        var goods = Items.Select(item => Received(DonationKind.InKind, 1, item)).ToList();
        db.Donations.AddRange([.. cash.Select(c => c.donation), .. kinds, .. goods]);
        await db.SaveChangesAsync();
        foreach (var (status, donation) in cash)
        {
            switch (status)
            {
                case DonationStatus.Pledged or DonationStatus.Received: break;
                case DonationStatus.Cancelled: donation.Cancel("انصراف", T0); break;
                case DonationStatus.Allocated or DonationStatus.Delivered: donation.Allocate(Cash, placeId, null, null, "یادداشت", 1, T0.AddDays(1)); break;
                default: throw new Xunit.Sdk.XunitException($"teach this test the way to {status}");
            }
        }
        goods.ForEach(g => g.Allocate(1, placeId, null, null, "یادداشت", 1, T0.AddDays(1)));
        await db.SaveChangesAsync();
        foreach (var donation in goods.Concat(cash.Where(c => c.status == DonationStatus.Delivered).Select(c => c.donation)))
            donation.Deliver(donation.Allocations.Single().Id, DueOn(2), 1, T0.AddDays(2));
        Assert.All(cash, c => Assert.Equal(c.status, c.donation.Status));

        var volunteer = await db.Volunteers.FirstAsync(v => v.Status == VolunteerStatus.Active);
        Shift Booked(VolunteerSkill skill)
        {
            var shift = new Shift(centre.Id, provinceId, placeId, "نوبت", "مرکز", T0.AddHours(1), T0.AddHours(3), skill, 2, ShiftLink.None, null, 1, T0);
            shift.Book(volunteer, servedByCentre: true, overlapsAnother: false, bySelf: false, 1, T0);
            return shift;
        }
        var bySkill = ShiftSkills.Select(Booked).ToList();
        var byAttendance = Attendances.Select(a => (a, shift: Booked(VolunteerSkill.None))).ToList();
        db.Shifts.AddRange([.. bySkill, .. byAttendance.Select(x => x.shift)]);
        await db.SaveChangesAsync();
        bySkill.ForEach(shift => shift.RecordAttendance([new AttendanceEntry(shift.Bookings[0].Id, Attendance.Attended, Minutes)], 1, T0.AddHours(4)));
        foreach (var (attendance, shift) in byAttendance)
        {
            // Attended minutes are the skill shifts' above; an unrecorded or no-show booking adds none.
            switch (attendance)
            {
                case Attendance.Unrecorded or Attendance.Attended: break;
                case Attendance.NoShow: shift.RecordAttendance([new AttendanceEntry(shift.Bookings[0].Id, Attendance.NoShow, null)], 1, T0.AddHours(4)); break;
                default: throw new Xunit.Sdk.XunitException($"teach this test the way to {attendance}");
            }
        }
        await db.SaveChangesAsync();
    }
}

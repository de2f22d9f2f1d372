using Salam.Domain.Campaigns;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Infrastructure.Persistence.Seeding;

public sealed partial class DemoDataSeeder
{
    /// <summary>The demo campaign's name: «مثبت ماه» in Qom, running from ten days ago to twenty days ahead.</summary>
    public const string DemoCampaignName = "مثبت ماه رمضان در قم";

    /// <summary>
    /// «مثبت ماه» in Qom with the Pardisan centre's ledger holding a donation in every state (a pledge, a cancelled pledge, a
    /// gift received, one allocated, one delivered, goods partly given out, volunteer time), and two volunteer shifts there: one
    /// past with its attendance (one attended, one no-show) and one to come with a booking. No random draws: the rest of the demo
    /// stays as it was.
    /// </summary>
    private async Task SeedGivingAsync(Country country, CancellationToken cancellationToken)
    {
        var qom = country.Provinces[0];
        var pardisan = country.Neighbourhoods[0];
        var centreId = pardisan.CentreId!.Value;
        var (officer, facilitator) = (_staff["officer.qom"].Id, _staff["facilitator.pardisan"].Id);
        var today = ProgrammeCalendar.DayOf(_now);
        var opened = _now.AddDays(-12);
        var campaign = new Campaign(DemoCampaignName, "کمک‌های مردمی و نذورات ماه رمضان برای خانواده‌های نیازمند محله‌ها، از راه مراکز مثبت زندگی.",
            today.AddDays(-10), today.AddDays(20), CampaignScope.Province, qom.Id, null, [], 500_000_000, [new CampaignItemGoal(AidItem.FoodPackage, 200)],
            [.. country.Centres.Where(c => c.ProvinceId == qom.Id).Select(c => c.Id)], officer, opened);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        var (day, at) = (today.AddDays(-6), _now.AddDays(-6));
        Donation Pledge(DonorKind donor, string name, bool anonymous, DonationKind kind, long amount) =>
            Donation.Pledge(campaign, centreId, qom.Id, donor, name, anonymous, kind, null, amount, day, facilitator, at);
        Donation Gift(DonorKind donor, string name, bool anonymous, DonationKind kind, AidItem? item, long amount, string receipt) =>
            Donation.Receipt(campaign, centreId, qom.Id, donor, name, anonymous, kind, item, amount, receipt, day, facilitator, at);
        var cancelled = Pledge(DonorKind.Individual, "حسین رضایی", true, DonationKind.Vow, 5_000_000);
        cancelled.Cancel("نیکوکار از نذر خود منصرف شد", at.AddDays(1));
        var allocated = Gift(DonorKind.Charity, "خیریهٔ امام رضا (ع)", false, DonationKind.Cash, null, 30_000_000, "۱۰۰۲");
        var delivered = Gift(DonorKind.Individual, "نیکوکار محله", true, DonationKind.Vow, null, 12_000_000, "۱۰۰۳");
        var food = Gift(DonorKind.Company, "شرکت نان سحر", false, DonationKind.InKind, AidItem.FoodPackage, 80, "۱۰۰۴");
        db.Donations.AddRange(
            Pledge(DonorKind.Company, "شرکت فولاد قم", false, DonationKind.Cash, 50_000_000), cancelled,
            Gift(DonorKind.Individual, "خانم احمدی", true, DonationKind.Cash, null, 20_000_000, "۱۰۰۱"),
            allocated, delivered, food, Pledge(DonorKind.Agency, "هلال احمر قم", false, DonationKind.VolunteerTime, 40));
        await db.SaveChangesAsync(cancellationToken);
        allocated.Allocate(30_000_000, pardisan.Id, null, null, "کمک هزینهٔ اجارهٔ سه خانوادهٔ نیازمند", facilitator, at.AddDays(1));
        delivered.Allocate(12_000_000, pardisan.Id, null, null, "خرید لوازم التحریر برای دانش‌آموزان", facilitator, at.AddDays(1));
        food.Allocate(50, pardisan.Id, null, null, "توزیع بسته‌های غذایی در شب قدر", facilitator, at.AddDays(1));
        await db.SaveChangesAsync(cancellationToken);
        delivered.Deliver(delivered.Allocations[0].Id, today.AddDays(-3), facilitator, _now.AddDays(-3));
        food.Deliver(food.Allocations[0].Id, today.AddDays(-3), facilitator, _now.AddDays(-3));
        await db.SaveChangesAsync(cancellationToken);

        // Volunteers of the centre's neighbourhoods who may be booked (contacted or active).
        var served = country.Neighbourhoods.Where(n => n.CentreId == centreId).Select(n => n.Id).ToHashSet();
        var ready = db.Volunteers.Local.Where(v => served.Contains(v.NeighbourhoodId) && v.Status is VolunteerStatus.Contacted or VolunteerStatus.Active)
            .OrderBy(v => v.Id).Take(3).ToList();
        if (ready.Count < 3) throw new InvalidOperationException("The demo needs three volunteers ready for the Pardisan centre's shifts.");
        var morning = ProgrammeCalendar.StartOf(today).AddHours(9);
        var past = new Shift(centreId, qom.Id, null, "بسته‌بندی کمک‌های مثبت ماه", "سالن مرکز مثبت زندگی پردیسان", morning.AddDays(-4), morning.AddDays(-4).AddHours(4),
            VolunteerSkill.None, 8, new ShiftLink(CampaignId: campaign.Id), null, facilitator, _now.AddDays(-9));
        var coming = new Shift(centreId, qom.Id, null, "کلاس تقویتی کودکان", "کتابخانهٔ محله پردیسان", morning.AddDays(5), morning.AddDays(5).AddHours(3),
            VolunteerSkill.Teaching, 4, ShiftLink.None, null, facilitator, _now.AddDays(-2));
        past.Book(ready[0], servedByCentre: true, overlapsAnother: false, bySelf: true, facilitator, _now.AddDays(-8));
        past.Book(ready[1], servedByCentre: true, overlapsAnother: false, bySelf: false, facilitator, _now.AddDays(-8));
        coming.Book(ready[2], servedByCentre: true, overlapsAnother: false, bySelf: true, facilitator, _now.AddDays(-1));
        db.Shifts.AddRange(past, coming);
        await db.SaveChangesAsync(cancellationToken);
        past.RecordAttendance([new AttendanceEntry(past.Bookings[0].Id, Attendance.Attended, 210), new AttendanceEntry(past.Bookings[1].Id, Attendance.NoShow, null)],
            facilitator, morning.AddDays(-4).AddHours(5));
        await db.SaveChangesAsync(cancellationToken);
    }
}

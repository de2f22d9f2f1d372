using Microsoft.EntityFrameworkCore;
using Salam.Domain.Campaigns;
using Salam.Domain.Common;
using Salam.Domain.Geography;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using Salam.Infrastructure.Persistence;

namespace Salam.Application.Tests;

/// <summary>
/// Campaign donations and volunteer shifts for the roll-up tests, built through the domain as the commands build them, on the
/// hand-counted <see cref="RollupCountry"/>: a national campaign with a centre in each province, and shifts at those centres.
/// </summary>
public sealed class RollupGiving(RollupCountry country)
{
    public static readonly DateTimeOffset T0 = RollupCountry.T0;
    public Campaign Campaign = default!;
    public Centre Centre1 = default!, Centre2 = default!;

    /// <summary>Volunteers living in neighbourhoods 1, 2 and 3, contacted, so they may be booked.</summary>
    public Volunteer V1 = default!, V2 = default!, V3 = default!;

    public static DateOnly Day(int days) => ProgrammeCalendar.DayOf(T0.AddDays(days));

    public async Task BuildCampaignAsync(SalamDbContext db)
    {
        Centre1 = new Centre(country.P1.Id, "مرکز یک", "Centre One", "نشانی");
        Centre2 = new Centre(country.P2.Id, "مرکز دو", "Centre Two", "نشانی");
        db.Centres.AddRange(Centre1, Centre2);
        await db.SaveChangesAsync();
        Campaign = new Campaign("مثبت ماه", "", Day(0), Day(30), CampaignScope.National, null, null, [], 10_000_000_000_000, [],
            [Centre1.Id, Centre2.Id], 1, T0);
        db.Campaigns.Add(Campaign);
        await db.SaveChangesAsync();
    }

    /// <summary>A pledge at centre 1 (province 1) or 2 (province 2).</summary>
    public Donation Pledge(Centre centre, DonationKind kind, long amount, AidItem? item = null) =>
        Donation.Pledge(Campaign, centre.Id, centre.ProvinceId, DonorKind.Individual, "نیکوکار", true, kind, item, amount, Day(1), 1, T0.AddDays(1));

    private int _receipt;

    public Donation Received(Centre centre, DonationKind kind, long amount, AidItem? item = null) =>
        Donation.Receipt(Campaign, centre.Id, centre.ProvinceId, DonorKind.Charity, "خیریه", false, kind, item, amount, $"R-{++_receipt}", Day(1), 1, T0.AddDays(1));

    /// <summary>Allocates part of a received donation to a neighbourhood, at day 2.</summary>
    public static Allocation Give(Donation donation, long amount, Neighbourhood to) =>
        donation.Allocate(amount, to.Id, null, null, "بسته‌های غذایی", 1, T0.AddDays(2));

    /// <summary>Delivers every allocation not delivered yet whose neighbourhood is one of <paramref name="places"/> (saved, so they have ids).</summary>
    public static void Deliver(Donation donation, params Neighbourhood[] places)
    {
        foreach (var allocation in donation.Allocations.Where(a => a.Status == AllocationStatus.Allocated && places.Any(p => p.Id == a.NeighbourhoodId)).ToList())
            donation.Deliver(allocation.Id, Day(3), 1, T0.AddDays(3));
    }

    public async Task BuildVolunteersAsync(SalamDbContext db)
    {
        var volunteers = await db.Volunteers.Where(v => v.WithdrawnAt == null).OrderBy(v => v.Id).ToListAsync();
        V1 = volunteers.Single(v => v.NeighbourhoodId == country.N1.Id);
        V3 = volunteers.Single(v => v.NeighbourhoodId == country.N3.Id);
        V2 = new Volunteer(country.N2Second.Id, country.N2.Id, VolunteerSkill.Cooking, 4, Weekdays.Saturday, null, 1, T0);
        db.Volunteers.Add(V2);
        foreach (var volunteer in new[] { V1, V3, V2 }) volunteer.MoveTo(VolunteerStatus.Contacted, 1, T0);
        await db.SaveChangesAsync();
    }

    /// <summary>A shift at the centre starting <paramref name="startHour"/> hours after T0, made at T0, with the volunteers booked.</summary>
    public static Shift ShiftAt(Centre centre, VolunteerSkill skill, int startHour, int hours, params Volunteer[] booked)
    {
        var shift = new Shift(centre.Id, centre.ProvinceId, null, "روز داوطلبی", "سالن مرکز", T0.AddHours(startHour), T0.AddHours(startHour + hours),
            skill, 10, ShiftLink.None, null, 1, T0);
        foreach (var volunteer in booked) shift.Book(volunteer, servedByCentre: true, overlapsAnother: false, bySelf: true, volunteer.ResidentId, T0);
        return shift;
    }

    /// <summary>Records the (saved) shift's attendance after it ended: minutes for the volunteers named, no-show for the rest.</summary>
    public static void Attend(Shift shift, DateTimeOffset at, params (Volunteer Volunteer, int Minutes)[] attended) =>
        shift.RecordAttendance([.. shift.Bookings.Select(b => attended.Any(a => a.Volunteer.Id == b.VolunteerId)
            ? new AttendanceEntry(b.Id, Attendance.Attended, attended.Single(a => a.Volunteer.Id == b.VolunteerId).Minutes)
            : new AttendanceEntry(b.Id, Attendance.NoShow, null))], 1, at);
}

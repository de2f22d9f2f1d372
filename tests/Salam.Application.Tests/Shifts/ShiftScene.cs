using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Shifts.Commands.BookShift;
using Salam.Application.Shifts.Commands.CreateShift;
using Salam.Application.Shifts.Common;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using Salam.Testing;

namespace Salam.Application.Tests.Shifts;

/// <summary>
/// The demo country's places a shift names: facilitator.pardisan's centre serves Pardisan and Shahrak-e Qods; Safashahr is another
/// centre of Qom (no facilitator account); facilitator.sari and officer.mazandaran work in Mazandaran.
/// </summary>
public sealed record ShiftPlaces(int Qom, int Mazandaran, int Pardisan, int Qods, int Safashahr, int MazandaranNeighbourhood,
    int PardisanCentre, int SafashahrCentre, int SariCentre);

/// <summary>Builds shifts through the real pipeline, volunteers straight in the database, and fingerprints what a refusal must leave untouched.</summary>
public static class ShiftScene
{
    private static int _serial;

    public static Task<ClaimsPrincipal> Facilitator(TestApp app) => app.PrincipalOfAsync("facilitator.pardisan");
    public static Task<ClaimsPrincipal> Ministry(TestApp app) => app.PrincipalOfAsync("ministry");

    public static Task<ShiftPlaces> PlacesAsync(TestApp app) => app.ReadAsync(async db =>
    {
        async Task<(int Id, int Centre)> Neighbourhood(string nameEn)
        {
            var place = await db.Neighbourhoods.Where(n => n.NameEn == nameEn).Select(n => new { n.Id, n.CentreId }).SingleAsync();
            return (place.Id, place.CentreId!.Value);
        }
        var qom = await db.Provinces.Where(p => p.NameEn == "Qom").Select(p => p.Id).SingleAsync();
        var mazandaran = await db.Provinces.Where(p => p.NameEn == "Mazandaran").Select(p => p.Id).SingleAsync();
        var sari = await db.Users.Where(u => u.UserName == "facilitator.sari").Select(u => u.CentreId!.Value).SingleAsync();
        var mazandaranPlace = await db.Neighbourhoods.Where(n => n.CentreId == sari).Select(n => n.Id).FirstAsync();
        var (pardisan, pardisanCentre) = await Neighbourhood("Pardisan");
        var (safashahr, safashahrCentre) = await Neighbourhood("Safashahr");
        return new ShiftPlaces(qom, mazandaran, pardisan, (await Neighbourhood("Shahrak-e Qods")).Id, safashahr, mazandaranPlace, pardisanCentre, safashahrCentre, sari);
    });

    /// <summary>A new resident of the neighbourhood who offered to volunteer and was moved to <paramref name="status"/>; with their principal.</summary>
    public static async Task<(int Id, ClaimsPrincipal Principal)> VolunteerAsync(TestApp app, int neighbourhoodId, VolunteerStatus status = VolunteerStatus.Active)
    {
        var serial = Interlocked.Increment(ref _serial);
        var mobile = "0935" + serial.ToString("D7", CultureInfo.InvariantCulture);
        var id = await app.ReadAsync(async db =>
        {
            var at = app.Clock.GetUtcNow().AddDays(-30);
            var resident = new Resident(neighbourhoodId, $"داوطلب آزمون {serial}", MobileNumber.Parse(mobile), NationalId.Parse(NationalIds.Valid(700_000 + serial)), at);
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
            var volunteer = new Volunteer(resident.Id, neighbourhoodId, VolunteerSkill.Teaching, 4, Weekdays.Saturday, null, 1, at);
            if (status is VolunteerStatus.Contacted or VolunteerStatus.Active) volunteer.MoveTo(VolunteerStatus.Contacted, 1, at.AddDays(1));
            if (status == VolunteerStatus.Active) volunteer.MoveTo(VolunteerStatus.Active, 1, at.AddDays(2));
            if (status == VolunteerStatus.Inactive) volunteer.MoveTo(VolunteerStatus.Inactive, 1, at.AddDays(2));
            db.Volunteers.Add(volunteer);
            await db.SaveChangesAsync();
            return volunteer.Id;
        });
        return (id, await app.ResidentPrincipalAsync(mobile));
    }

    /// <summary>A shift starting <paramref name="inHours"/> from the app's clock, lasting <paramref name="hours"/>.</summary>
    public static ShiftDraft Draft(TestApp app, double inHours = 24, double hours = 3, int places = 5, VolunteerSkill skill = VolunteerSkill.None,
        string title = "پاکسازی بوستان محله", string place = "بوستان پردیسان")
    {
        var starts = app.Clock.GetUtcNow().AddHours(inHours);
        return new ShiftDraft(title, place, starts, starts.AddHours(hours), skill, places);
    }

    public static async Task<ShiftWritten> CreateAsync(TestApp app, int centreId, int? neighbourhoodId, ShiftDraft? draft = null, ShiftLink? link = null) =>
        await app.SendAsync<ShiftWritten>(await Facilitator(app), new CreateShift(centreId, neighbourhoodId, draft ?? Draft(app), link ?? ShiftLink.None));

    public static Task<ShiftWritten> SignUpAsync(TestApp app, ClaimsPrincipal volunteer, int shiftId) =>
        app.SendAsync<ShiftWritten>(volunteer, new SignUpForShift(shiftId));

    public static Task<Shift> ReadShiftAsync(TestApp app, int shiftId) =>
        app.ReadAsync(db => db.Shifts.AsNoTracking().Include(s => s.Bookings).SingleAsync(s => s.Id == shiftId));

    public static Task<Guid> VersionAsync(TestApp app, int shiftId) => app.ReadAsync(db => db.Shifts.Where(s => s.Id == shiftId).Select(s => s.Version).SingleAsync());

    /// <summary>The bookings' ids by volunteer, for the attendance form.</summary>
    public static Task<Dictionary<int, int>> BookingsAsync(TestApp app, int shiftId) =>
        app.ReadAsync(db => db.ShiftBookings.Where(b => b.ShiftId == shiftId).ToDictionaryAsync(b => b.VolunteerId, b => b.Id));

    /// <summary>Everything a shift request could write: shifts, their versions and places, bookings and attendance, national days and the audit log.</summary>
    public static Task<string> FingerprintAsync(TestApp app) => app.ReadAsync(async db => string.Join('|',
        await db.Shifts.CountAsync(), await db.ShiftBookings.CountAsync(), await db.NationalEvents.CountAsync(), await db.AuditEvents.CountAsync(),
        string.Join(',', await db.Shifts.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Version}:{s.Places}:{s.Title}:{s.AttendanceRecordedAt}").ToListAsync()),
        string.Join(',', await db.ShiftBookings.OrderBy(b => b.Id).Select(b => $"{b.Id}:{b.VolunteerId}:{b.Attendance}:{b.Minutes}").ToListAsync())));
}

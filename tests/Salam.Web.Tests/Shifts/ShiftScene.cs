using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Shifts.Commands.BookShift;
using Salam.Application.Shifts.Commands.CreateShift;
using Salam.Application.Shifts.Common;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Shifts;

/// <summary>Pardisan (Qom), its centre and two of its volunteers ready for shifts (contacted or active), from the demo country.</summary>
internal sealed record ShiftScene(int ProvinceId, int CentreId, int NeighbourhoodId, ReadyVolunteer First, ReadyVolunteer Second)
{
    public static Task<ShiftScene> FindAsync(TestApp app) => app.ReadAsync(FindAsync);

    public static async Task<ShiftScene> FindAsync(SalamDbContext db)
    {
        var place = await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => new { n.Id, n.CentreId, n.County!.ProvinceId }).SingleAsync();
        var ready = await db.Volunteers.Where(v => v.NeighbourhoodId == place.Id && v.WithdrawnAt == null
                && (v.Status == VolunteerStatus.Contacted || v.Status == VolunteerStatus.Active))
            .OrderBy(v => v.Id).Select(v => new ReadyVolunteer(v.Id, v.Resident!.FullName, v.Resident.Mobile)).Take(2).ToListAsync();
        return new ShiftScene(place.ProvinceId, place.CentreId!.Value, place.Id, ready[0], ready[1]);
    }

    /// <summary>A shift of Pardisan's centre open to Pardisan, made by its facilitator through the real command.</summary>
    public async Task<int> CreateAsync(TestApp app, DateTimeOffset startsAt, int hours = 3, int places = 5, string title = "پاک‌سازی پارک پردیسان")
    {
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        var written = await app.SendAsync<ShiftWritten>(facilitator, new CreateShift(CentreId, NeighbourhoodId,
            new ShiftDraft(title, "پارک پردیسان", startsAt, startsAt.AddHours(hours), VolunteerSkill.None, places), ShiftLink.None));
        return written.ShiftId;
    }

    public static async Task AssignAsync(TestApp app, int shiftId, int volunteerId) =>
        await app.SendAsync<ShiftWritten>(await app.PrincipalOfAsync("facilitator.pardisan"), new AssignToShift(shiftId, volunteerId));

    /// <summary>The next whole hour a day or more ahead, so a shift made now is in the future.</summary>
    public static DateTimeOffset Ahead(TimeProvider clock, int days = 2)
    {
        var now = clock.GetUtcNow().AddDays(days);
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>A day as the Persian date field shows it and people type it: ۱۴۰۵/۰۹/۲۰.</summary>
    public static string Jalali(DateOnly day)
    {
        var calendar = new PersianCalendar();
        var date = day.ToDateTime(TimeOnly.MinValue);
        return Digits.ToPersian(string.Create(CultureInfo.InvariantCulture, $"{calendar.GetYear(date):0000}/{calendar.GetMonth(date):00}/{calendar.GetDayOfMonth(date):00}"));
    }
}

internal sealed record ReadyVolunteer(int Id, string Name, string Mobile);

/// <summary>How long a wait for a page's reaction may take (two queries on a loaded CI machine take seconds).</summary>
internal static class ShiftWaits
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
}

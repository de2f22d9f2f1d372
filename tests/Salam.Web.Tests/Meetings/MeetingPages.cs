using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Meetings.Commands.PlanMeeting;
using Salam.Application.Meetings.Commands.RecordAttendance;
using Salam.Application.Meetings.Commands.WriteMinutes;
using Salam.Application.Meetings.Common;
using Salam.Domain.Common;
using Salam.Domain.Meetings;
using Salam.Testing;

namespace Salam.Web.Tests.Meetings;

/// <summary>Pardisan (Qom) and two of its agencies, and a meeting there planned, held and minuted through the real commands.</summary>
internal sealed record Pardisan(int ProvinceId, int CountyId, int NeighbourhoodId, int Welfare, int Municipality)
{
    public const string Title = "جلسهٔ هماهنگی پردیسان";

    public static Task<Pardisan> FindAsync(TestApp app) => app.ReadAsync(async db =>
    {
        var place = await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => new { n.Id, n.CountyId, n.County!.ProvinceId }).SingleAsync();
        var agencies = await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate" || a.NameEn == "Qom Municipality")
            .Select(a => new { a.Id, a.NameEn }).ToListAsync();
        return new Pardisan(place.ProvinceId, place.CountyId, place.Id,
            agencies.Single(a => a.NameEn.Contains("Welfare")).Id, agencies.Single(a => a.NameEn == "Qom Municipality").Id);
    });

    /// <summary>Plans the meeting as Pardisan's facilitator, inviting both agencies and the residents' representatives.</summary>
    public async Task<int> PlanAsync(TestApp app, DateTimeOffset startsAt)
    {
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        return await app.SendAsync<int>(facilitator, new PlanMeeting(MeetingKind.NeighbourhoodCoordination, Title, "سرای محلهٔ پردیسان", startsAt,
            ProvinceId, CountyId, NeighbourhoodId,
            [new(OrganisationKind.Agency, Welfare, null), new(OrganisationKind.Agency, Municipality, null), new(OrganisationKind.ResidentsRepresentatives, null, "شورایاران پردیسان")],
            [new AgendaInput(AgendaItemKind.Free, null, null, "گزارش پیشرفت وظیفه‌ها")]));
    }

    /// <summary>Plans a meeting an hour ahead, moves the clock past it and records that the welfare directorate came.</summary>
    public async Task<int> HeldAsync(TestApp app, string minutes = "")
    {
        var id = await PlanAsync(app, app.Clock.GetUtcNow().AddHours(1));
        app.Clock.Advance(TimeSpan.FromHours(2));
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        await app.SendAsync<Mediator.Unit>(facilitator, new RecordAttendance(id, [new(OrganisationKind.Agency, Welfare, null)], 14, await VersionAsync(app, id)));
        if (minutes.Length > 0) await app.SendAsync<Mediator.Unit>(facilitator, new WriteMinutes(id, minutes, true, await VersionAsync(app, id)));
        return id;
    }

    public static Task<Guid> VersionAsync(TestApp app, int meetingId) =>
        app.ReadAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync());

    public static async Task<ClaimsPrincipal> FacilitatorAsync(TestApp app) => await app.PrincipalOfAsync("facilitator.pardisan");

    /// <summary>A day as the Persian date field shows it and people type it: ۱۴۰۵/۰۹/۲۰.</summary>
    public static string Jalali(DateOnly day)
    {
        var calendar = new PersianCalendar();
        var date = day.ToDateTime(TimeOnly.MinValue);
        return Digits.ToPersian(string.Create(CultureInfo.InvariantCulture, $"{calendar.GetYear(date):0000}/{calendar.GetMonth(date):00}/{calendar.GetDayOfMonth(date):00}"));
    }
}

/// <summary>How long a wait for a page's reaction may take: the meeting page reads two queries, which takes seconds on a loaded CI machine.</summary>
internal static class Waits
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
}

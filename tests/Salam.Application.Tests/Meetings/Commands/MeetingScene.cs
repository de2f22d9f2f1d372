using System.Security.Claims;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Meetings.Commands.PlanMeeting;
using Salam.Application.Meetings.Commands.RecordAttendance;
using Salam.Application.Meetings.Common;
using Salam.Domain.Meetings;
using Salam.Testing;

namespace Salam.Application.Tests.Meetings.Commands;

/// <summary>
/// The demo country's places and agencies a meeting names: Pardisan and Shahrak-e Qods (facilitator.pardisan's centre) and
/// Safashahr (another centre) in Qom county, Kahak county, and Mazandaran beside Qom.
/// </summary>
public sealed record MeetingPlaces(int Qom, int QomCounty, int KahakCounty, int Pardisan, int Qods, int Safashahr, int Kahak,
    int Mazandaran, int MazandaranCounty, int MazandaranNeighbourhood, int Welfare, int Municipality, int National, int MazandaranAgency,
    int PardisanNeed, int SafashahrNeed);

/// <summary>Builds meetings through the real pipeline, and fingerprints what a refused request must leave untouched.</summary>
public static class MeetingScene
{
    public static Task<MeetingPlaces> PlacesAsync(TestApp app) => app.ReadAsync(async db =>
    {
        async Task<int> Neighbourhood(string nameEn) => await db.Neighbourhoods.Where(n => n.NameEn == nameEn).Select(n => n.Id).SingleAsync();
        async Task<int> County(string nameEn) => await db.Counties.Where(c => c.NameEn == nameEn).Select(c => c.Id).SingleAsync();
        var qom = await db.Provinces.Where(p => p.NameEn == "Qom").Select(p => p.Id).SingleAsync();
        var mazandaran = await db.Provinces.Where(p => p.NameEn == "Mazandaran").Select(p => p.Id).SingleAsync();
        var mazandaranPlace = await db.Neighbourhoods.Where(n => n.County!.ProvinceId == mazandaran).Select(n => new { n.Id, n.CountyId }).FirstAsync();
        var pardisan = await Neighbourhood("Pardisan");
        var safashahr = await Neighbourhood("Safashahr");
        var needOf = async (int place) => await db.Needs.Where(n => n.NeighbourhoodId == place).Select(n => (int?)n.Id).FirstOrDefaultAsync()
            ?? await SeedNeedAsync(db, place, app.Clock.GetUtcNow());
        return new MeetingPlaces(qom, await County("Qom"), await County("Kahak"), pardisan, await Neighbourhood("Shahrak-e Qods"), safashahr, await Neighbourhood("Kahak"),
            mazandaran, mazandaranPlace.CountyId, mazandaranPlace.Id,
            await db.Agencies.Where(a => a.ProvinceId == qom && a.Kind == Domain.Duties.AgencyKind.Welfare).Select(a => a.Id).SingleAsync(),
            await db.Agencies.Where(a => a.ProvinceId == qom && a.Kind == Domain.Duties.AgencyKind.Municipality).Select(a => a.Id).SingleAsync(),
            await db.Agencies.Where(a => a.ProvinceId == null).Select(a => a.Id).FirstAsync(),
            await db.Agencies.Where(a => a.ProvinceId == mazandaran).Select(a => a.Id).FirstAsync(),
            await needOf(pardisan), await needOf(safashahr));
    });

    private static async Task<int> SeedNeedAsync(Infrastructure.Persistence.SalamDbContext db, int place, DateTimeOffset now)
    {
        var need = new Domain.Needs.Need(place, "نیاز آزمون", "", Domain.Needs.NeedCategory.Health, null, null, now);
        db.Add(need);
        await db.SaveChangesAsync();
        return need.Id;
    }

    public static OrganisationInput Agency(int id) => new(OrganisationKind.Agency, id, null);

    public static OrganisationInput Representatives => new(OrganisationKind.ResidentsRepresentatives, null, "نمایندگان ساکنان");

    /// <summary>A neighbourhood coordination meeting in Pardisan an hour from now, welfare and the municipality invited.</summary>
    public static PlanMeeting PardisanPlan(TestApp app, MeetingPlaces p) => new(MeetingKind.NeighbourhoodCoordination, "جلسهٔ هماهنگی پردیسان",
        "مرکز مثبت زندگی پردیسان", app.Clock.GetUtcNow().AddHours(1), p.Qom, p.QomCounty, p.Pardisan,
        [Agency(p.Welfare), Agency(p.Municipality), Representatives], [new AgendaInput(AgendaItemKind.Free, null, null, "گزارش پیشرفت وظایف")]);

    /// <summary>A county coordination meeting of Qom county, planned by the province's officer.</summary>
    public static PlanMeeting QomCountyPlan(TestApp app, MeetingPlaces p) => new(MeetingKind.CountyCoordination, "جلسهٔ هماهنگی شهرستان قم",
        "فرمانداری قم", app.Clock.GetUtcNow().AddHours(1), p.Qom, p.QomCounty, null, [Agency(p.Welfare), Agency(p.National)], []);

    /// <summary>Plans the meeting, lets its hour come, and records that its first invited organisation came; returns its id.</summary>
    public static async Task<int> HeldAsync(TestApp app, ClaimsPrincipal organiser, PlanMeeting plan)
    {
        var id = await app.SendAsync<int>(organiser, plan);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.SendAsync<Unit>(organiser, new RecordAttendance(id, [plan.Invited[0]], 12, await VersionAsync(app, id)));
        return id;
    }

    public static Task<Guid> VersionAsync(TestApp app, int meetingId) =>
        app.ReadAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync());

    /// <summary>Everything a meeting request could write: meetings and their parts, decisions, duties and the audit log.</summary>
    public static Task<string> FingerprintAsync(TestApp app) => app.ReadAsync(async db => string.Join('|',
        await db.Meetings.CountAsync(), await db.Set<MeetingOrganisation>().CountAsync(), await db.Set<AgendaItem>().CountAsync(),
        await db.MeetingDecisions.CountAsync(), await db.Duties.CountAsync(), await db.DutyUpdates.CountAsync(), await db.AuditEvents.CountAsync(),
        string.Join(',', await db.Meetings.OrderBy(m => m.Id).Select(m => m.Version).ToListAsync()),
        string.Join(',', await db.Set<MeetingOrganisation>().OrderBy(o => o.Id).Select(o => o.Attended).ToListAsync())));
}

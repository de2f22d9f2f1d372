using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Commands.AdvanceDuty;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Duties.Common;
using Salam.Domain.Duties;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Fresh duties of Qom's welfare directorate in Pardisan, so a test never depends on which demo duties another test used up.</summary>
internal static class WelfareDuties
{
    public const string Agency = "Qom Province Welfare Directorate";

    public static async Task<Duty> NewAsync(TestApp app, DutyStatus status = DutyStatus.Assigned, DateOnly? due = null)
    {
        var (place, welfare) = await app.ReadAsync(async db => (
            await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
            await db.Agencies.Where(a => a.NameEn == Agency).Select(a => a.Id).SingleAsync()));
        var id = await app.SendAsync<int>(await app.PrincipalOfAsync("facilitator.pardisan"),
            new AssignDuty(place, welfare, null, "کار آزمایشی", "", due ?? app.Clock.Today().AddDays(30)));
        if (status == DutyStatus.Accepted)
        {
            var version = await app.ReadAsync(db => db.Duties.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());
            await app.SendAsync<DutyState>(await app.PrincipalOfAsync("agency.qom.welfare"), new AdvanceDuty(id, DutyStatus.Accepted, 0, null, version));
        }
        else if (status != DutyStatus.Assigned) throw new ArgumentOutOfRangeException(nameof(status));
        return await app.ReadAsync(db => db.Duties.AsNoTracking().SingleAsync(d => d.Id == id));
    }
}
